import type pg from 'pg';
import type { Scale } from '../lib/scales.ts';
import { CATEGORIES, NETWORKS } from './helpers.ts';

/** Influencer n is ready to send offers (profile complete, e-mail verified) unless n % 20 = 19. */
export const READY = (n: string) => `(${n} % 20 <> 19)`;

/** Businesses (with profiles) and influencers (profiles, one or two social accounts, a portfolio
 * item, and — when ready — an insight with its screenshot upload, linked as the app links it). The
 * profiles' derived columns (tier, followers, networks, listed, search text) are what
 * refreshProfileFacts would write. */
export async function generatePeople(client: pg.Client, scale: Scale, passwordHash: string): Promise<void> {
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  await q(
    `insert into users (id, email, password_hash, role, name, locale, email_verified_at, created_at, updated_at)
     select pg_temp.bid('b', n), 'business' || n || '@bench.bextr.test', $1, 'business',
            pg_temp.pick(pg_temp.w_firstname(), n, 1) || ' ' || pg_temp.pick(pg_temp.w_lastname(), n, 2),
            case when n % 2 = 0 then 'sk' else 'en' end,
            now() - interval '700 days' + n * interval '1 minute',
            now() - interval '700 days' + n * interval '1 minute', now() - interval '700 days' + n * interval '1 minute'
     from generate_series(0, $2::int - 1) n`,
    [passwordHash, scale.businesses],
  );
  await q(
    `insert into business_profiles (user_id, company_name, industry, description, country, city, website, created_at, updated_at)
     select pg_temp.bid('b', n),
            pg_temp.pick(pg_temp.w_company(), n, 3) || ' ' || pg_temp.pick(pg_temp.w_lastname(), n, 4) || ' s.r.o.',
            pg_temp.pick(${CATEGORIES}, n, 5), pg_temp.pick(pg_temp.w_sentencesk(), n, 6), 'SK',
            pg_temp.pick(pg_temp.w_placeen(), n, 7), 'https://business' || n || '.example.sk',
            now() - interval '700 days', now() - interval '700 days'
     from generate_series(0, $1::int - 1) n`,
    [scale.businesses],
  );
  await q(
    `insert into users (id, email, password_hash, role, name, locale, email_verified_at, created_at, updated_at)
     select pg_temp.bid('i', n), 'influencer' || n || '@bench.bextr.test', $1, 'influencer',
            pg_temp.pick(pg_temp.w_firstname(), n, 11) || ' ' || pg_temp.pick(pg_temp.w_lastname(), n, 12),
            case when n % 3 = 0 then 'en' else 'sk' end,
            case when ${READY('n')} then now() - interval '600 days' + n * interval '10 seconds' end,
            now() - interval '600 days' + n * interval '10 seconds', now() - interval '600 days' + n * interval '10 seconds'
     from generate_series(0, $2::int - 1) n`,
    [passwordHash, scale.influencers],
  );
  // Accounts first (a temp table), so the profile's derived columns are computed from them.
  await q(
    `create temp table plan_accounts as
     select n, k, pg_temp.bid('sa' || k, n) as id,
            (array['instagram','tiktok','youtube','facebook'])[1 + (n + k) % 4] as network,
            'bench.' || n || '.' || k as handle,
            (500 * power(2, pg_temp.h(n, 20 + k) % 13))::bigint + pg_temp.h(n, 30 + k) % 500 as followers,
            round(((pg_temp.h(n, 40 + k) % 900) / 100.0 + 0.5)::numeric, 2)::float8 as engagement
     from generate_series(0, $1::int - 1) n, generate_series(0, 1) k
     where k = 0 or n % 2 = 0`,
    [scale.influencers],
  );
  await q('create index on plan_accounts (n)');
  await q('analyze plan_accounts');
  await q(
    `insert into influencer_profiles (user_id, display_name, handle, bio, categories, country, city, languages,
        audience, audience_countries, rate_card, is_public, tier, followers, total_followers, engagement_rate,
        networks, listed, search_text, created_at, updated_at)
     select pg_temp.bid('i', n), dn, handle, bio, array[pg_temp.pick(${CATEGORIES}, n, 13)],
            'SK', pg_temp.pick(pg_temp.w_placeen(), n, 14), array['sk', 'en'],
            jsonb_build_object('gender', jsonb_build_object('female', 55, 'male', 43, 'other', 2),
              'ages', jsonb_build_object('13-17', 5, '18-24', 35, '25-34', 35, '35-44', 15, '45-54', 7, '55+', 3),
              'countries', jsonb_build_array(jsonb_build_object('country', 'SK', 'share', 60 + n % 20),
                                             jsonb_build_object('country', 'CZ', 'share', 40 - n % 20))),
            array['SK', 'CZ'], '[{"type":"post","price":{"amount":15000,"currency":"EUR"}}]'::jsonb, true,
            case when a.top >= 1000000 then 'mega' when a.top >= 100000 then 'macro'
                 when a.top >= 10000 then 'micro' else 'nano' end,
            a.top, a.total, a.engagement, a.networks, ${READY('n')},
            pg_temp.norm(dn || E'\\n' || handle || E'\\n' || bio || E'\\n' || a.handles),
            now() - interval '600 days', now() - interval '600 days'
     from generate_series(0, $1::int - 1) n
     cross join lateral (select pg_temp.pick(pg_temp.w_firstname(), n, 11) || ' ' || pg_temp.pick(pg_temp.w_lastname(), n, 12) as dn,
                                'bench.' || n as handle,
                                pg_temp.pick(pg_temp.w_sentencesk(), n, 15) || ' ' || pg_temp.pick(pg_temp.w_sentenceen(), n, 16) as bio) t
     cross join lateral (select max(followers) as top, sum(followers) as total,
                                (array_agg(engagement order by followers desc))[1] as engagement,
                                array(select distinct p.network from plan_accounts p where p.n = n.n order by 1) as networks,
                                string_agg(handle, E'\\n' order by k) as handles
                         from plan_accounts pa where pa.n = n.n) a`,
    [scale.influencers],
  );
  await q(
    `insert into social_accounts (id, user_id, network, handle, url, followers, engagement_rate, avg_views, created_at, updated_at)
     select id, pg_temp.bid('i', n), network, handle, 'https://' || network || '.com/' || handle, followers, engagement,
            followers / 5, now() - interval '600 days', now() - interval '600 days'
     from plan_accounts`,
  );
  await q(
    `insert into portfolio_items (id, user_id, title, description, url, brand, network, date, created_at, updated_at)
     select pg_temp.bid('pf', n), pg_temp.bid('i', n), pg_temp.pick(pg_temp.w_adjectivesk(), n, 17) || ' ' || pg_temp.pick(pg_temp.w_nounsk(), n, 18),
            pg_temp.pick(pg_temp.w_sentenceen(), n, 19), 'https://example.com/work/' || n, 'Značka ' || n % 97, 'instagram',
            (current_date - 200)::date, now() - interval '590 days', now() - interval '590 days'
     from generate_series(0, $1::int - 1) n`,
    [scale.influencers],
  );
  // A ready profile has an insight with a screenshot: the upload, the insight, the upload's link.
  await q(
    `insert into uploads (id, owner_id, content_type, width, height, bytes, storage_key, thumb_key, created_at)
     select pg_temp.bid('up', n), pg_temp.bid('i', n), 'image/webp', 1080, 1920, 180000,
            'bench/' || pg_temp.bid('up', n) || '.webp', 'bench/' || pg_temp.bid('up', n) || '-thumb.webp', now() - interval '580 days'
     from generate_series(0, $1::int - 1) n where ${READY('n')}`,
    [scale.influencers],
  );
  await q(
    `insert into insights (id, user_id, social_account_id, as_of, period_days, reach, impressions, engagement, upload_ids, created_at, updated_at)
     select pg_temp.bid('in', n), pg_temp.bid('i', n), pg_temp.bid('sa0', n), (current_date - 30)::date, 30,
            1000 + n, 5000 + n, 300 + n % 100, array[pg_temp.bid('up', n)], now() - interval '580 days', now() - interval '580 days'
     from generate_series(0, $1::int - 1) n where ${READY('n')}`,
    [scale.influencers],
  );
  await q(
    `insert into upload_links (id, upload_id, subject_type, subject_id, via, via_id)
     select pg_temp.bid('ul', n), pg_temp.bid('up', n), 'influencer_profile', pg_temp.bid('i', n), 'insight', pg_temp.bid('in', n)
     from generate_series(0, $1::int - 1) n where ${READY('n')}`,
    [scale.influencers],
  );
  await q(`drop table plan_accounts`);
}

export { NETWORKS };
