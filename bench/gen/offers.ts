import type pg from 'pg';
import type { Scale } from '../lib/scales.ts';

/** Offer j's state: 60% pending, 15% shortlisted, 15% rejected, 10% withdrawn. (No accepted ones:
 * acceptance opens a collaboration, which the bench does not model; slots_filled stays 0.) */
const STATUS = `case when pg_temp.h(j, 70) % 100 < 60 then 'pending' when pg_temp.h(j, 70) % 100 < 75 then 'shortlisted'
  when pg_temp.h(j, 70) % 100 < 90 then 'rejected' else 'withdrawn' end`;

/** Offers as sendOffer writes them — each with its thread (two members) and the business's
 * `offer_received` notification. The busiest campaigns get `scale.heavy` offers from influencers
 * 0, 1, 2…; the rest are spread over the other non-draft campaigns, one influencer per campaign at
 * most once (offers_live_key). */
export async function generateOffers(client: pg.Client, scale: Scale): Promise<void> {
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  await q(
    `create temp table plan_heavy as
     select k - 1 as c, n, coalesce(sum(n) over (order by k rows between unbounded preceding and 1 preceding), 0) as start
     from unnest($1::int[]) with ordinality as t(n, k)`,
    [scale.heavy],
  );
  const heavyTotal = scale.heavy.reduce((a, b) => a + b, 0);
  await q(
    `create temp table plan_offerable as
     select (row_number() over (order by c) - 1) as rn, c from plan_campaigns where c >= $1 and status <> 'draft'`,
    [scale.heavy.length],
  );
  await q('create index on plan_offerable (rn)');
  await q(
    `create temp table plan_offers as
     with pairs as (
       select h.start + g as j, h.c, g as inf from plan_heavy h, generate_series(0, h.n - 1) g
       union all
       select $1::bigint + g, o.c, (g / cnt.n + o.rn * 7) % $3
       from generate_series(0, $2::bigint - $1 - 1) g
       cross join (select count(*) as n from plan_offerable) cnt
       join plan_offerable o on o.rn = g % cnt.n
     )
     select p.j, p.c, p.inf, ${STATUS} as status, pc.comp, pc.deadline,
            least(now() - interval '1 hour', pc.published_at + (pg_temp.h(p.j, 71) % (30 * 86400)) * interval '1 second') as created_at
     from pairs p join plan_campaigns pc on pc.c = p.c`,
    [heavyTotal, scale.offers, scale.influencers],
  );
  await q('create unique index on plan_offers (j)');
  await q('analyze plan_offers');
  await q(
    `insert into conversations (id, business_id, influencer_id, created_at, last_activity_at, last_message_id, last_message_seq)
     select pg_temp.bid('v', j), pg_temp.bid('b', c % $1), pg_temp.bid('i', inf), created_at, created_at, null, 0
     from plan_offers order by j`,
    [scale.businesses],
  );
  await q(
    `insert into conversation_members (conversation_id, user_id, read_seq, emailed_seq)
     select pg_temp.bid('v', j), pg_temp.bid('b', c % $1), 0, 0 from plan_offers
     union all
     select pg_temp.bid('v', j), pg_temp.bid('i', inf), 0, 0 from plan_offers`,
    [scale.businesses],
  );
  await q(
    `insert into offers (id, campaign_id, influencer_id, status, pitch, deliverables, price_amount, currency,
        barter_accepted, proposed_publish_date, rejection_reason, audience_fit, conversation_id, decided_at,
        created_at, updated_at)
     select pg_temp.bid('o', p.j), pg_temp.bid('c', p.c), pg_temp.bid('i', p.inf), p.status,
            case when p.j % 2 = 0 then pg_temp.pick(pg_temp.w_sentencesk(), p.j, 72) || ' Teším sa na spoluprácu!'
                 else pg_temp.pick(pg_temp.w_sentenceen(), p.j, 72) || ' Looking forward to it!' end,
            c.deliverables,
            case when p.comp = 'paid' then c.amount end, 'EUR', p.comp = 'barter', p.deadline + 5,
            case when p.status = 'rejected' and p.j % 3 = 0 then 'Ďakujeme, tentoraz hľadáme iný profil.' end,
            case when cardinality(c.countries) = 0 then null else (60 + p.inf % 20)::float8 end,
            pg_temp.bid('v', p.j),
            case when p.status in ('rejected', 'withdrawn') then p.created_at + interval '2 days' end,
            p.created_at,
            case when p.status in ('rejected', 'withdrawn') then p.created_at + interval '2 days' else p.created_at end
     from plan_offers p join campaigns c on c.id = pg_temp.bid('c', p.c)
     order by p.j`,
  );
  await q(
    `insert into notifications (id, user_id, kind, offer_id, campaign_id, actor_id, read_at, created_at)
     select pg_temp.bid('n', j), pg_temp.bid('b', c % $1), 'offer_received', pg_temp.bid('o', j), pg_temp.bid('c', c),
            pg_temp.bid('i', inf), case when created_at < now() - interval '3 days' then created_at + interval '1 hour' end, created_at
     from plan_offers`,
    [scale.businesses],
  );
  // The app makes a user's e-mail preferences with their first notification: every business that
  // has been notified has its row (a random unsubscribe secret, unique, as the app's).
  await q(
    `insert into notification_preferences (user_id, unsubscribe_token)
     select user_id, md5(user_id || random()::text) || md5(random()::text)
     from (select distinct user_id from notifications) n`,
  );
}
