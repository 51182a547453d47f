import { expectedSearchKeysSql } from '@bextr/api/src/modules/campaigns/search-keys.ts';
import type pg from 'pg';
import type { Scale } from '../lib/scales.ts';
import { CATEGORIES, NETWORKS, TIERS } from './helpers.ts';

/** Campaign c's state: the busiest (c < heavy.length) are published and open; of the rest about 76%
 * published (a few past their deadline), 8% drafts, 8% paused, 8% closed. */
const STATE = `case when c < $2 then 'published'
  when pg_temp.h(c, 50) % 100 < 76 then 'published'
  when pg_temp.h(c, 50) % 100 < 84 then 'draft'
  when pg_temp.h(c, 50) % 100 < 92 then 'paused' else 'closed' end`;

/** Campaigns as the editor and publish step write them: every field of a published one filled in,
 * sort amount and search text derived as the service derives them (values.ts). */
export async function generateCampaigns(client: pg.Client, scale: Scale): Promise<void> {
  await client.query(
    `create temp table plan_campaigns as
     select c, ${STATE} as status,
            case when c % 10 < 7 then 'paid' else 'barter' end as comp,
            case when c % 2 = 0
              then pg_temp.pick(pg_temp.w_adjectivesk(), c, 51) || ' ' || pg_temp.pick(pg_temp.w_nounsk(), c, 52) || ' v ' || pg_temp.pick(pg_temp.w_placesk(), c, 53)
              else pg_temp.pick(pg_temp.w_adjectiveen(), c, 51) || ' ' || pg_temp.pick(pg_temp.w_nounen(), c, 52) || ' in ' || pg_temp.pick(pg_temp.w_placeen(), c, 53)
            end as name,
            case when c % 2 = 0
              then pg_temp.pick(pg_temp.w_sentencesk(), c, 54) || ' ' || pg_temp.pick(pg_temp.w_sentencesk(), c, 55) || ' ' || pg_temp.pick(pg_temp.w_nounsk(), c, 56)
              else pg_temp.pick(pg_temp.w_sentenceen(), c, 54) || ' ' || pg_temp.pick(pg_temp.w_sentenceen(), c, 55) || ' ' || pg_temp.pick(pg_temp.w_nounen(), c, 56)
            end as brief,
            now() - (pg_temp.h(c, 57) % (400 * 86400)) * interval '1 second' - interval '1 day' as published_at,
            case when pg_temp.h(c, 58) % 100 < 90 or c < $2 then current_date + (7 + pg_temp.h(c, 59) % 120)::int
                 else current_date - (1 + pg_temp.h(c, 59) % 60)::int end as deadline
     from generate_series(0, $1::int - 1) c`,
    [scale.campaigns, scale.heavy.length],
  );
  await client.query(
    `insert into campaigns (id, owner_id, status, name, category, brief, tiers, networks, compensation_type, amount,
        sort_amount, currency, barter_description, deliverables, estimated_hours, start_date, end_date,
        application_deadline, countries, remote, languages, slots, slots_filled, search_text, published_at,
        created_at, updated_at)
     select pg_temp.bid('c', c), pg_temp.bid('b', c % $1), status, name, pg_temp.pick(${CATEGORIES}, c, 60), brief,
            case when status = 'draft' then '{}'::text[] else array[(${TIERS})[1 + c % 4], (${TIERS})[1 + (c + 1) % 4]] end,
            case when status = 'draft' then '{}'::text[] else array[(${NETWORKS})[1 + (c / 2) % 6], (${NETWORKS})[1 + (c / 2 + 2) % 6]] end,
            case when status = 'draft' then null else comp end,
            case when status = 'draft' then null when comp = 'paid' then 5000 + (pg_temp.h(c, 61) % 200) * 2500
                 when c % 3 = 0 then 3000 + (pg_temp.h(c, 61) % 50) * 1000 end,
            case when status = 'draft' then 0 when comp = 'paid' then 5000 + (pg_temp.h(c, 61) % 200) * 2500
                 when c % 3 = 0 then 3000 + (pg_temp.h(c, 61) % 50) * 1000 else 0 end,
            'EUR',
            case when status <> 'draft' and comp = 'barter' then 'Balíček produktov a poukážka / product bundle' end,
            case when status = 'draft' then '[]'::jsonb else jsonb_build_array(jsonb_build_object(
              'type', (array['post','story','reel','video'])[1 + c % 4], 'network', (${NETWORKS})[1 + (c / 2) % 6], 'quantity', 1 + c % 3)) end,
            case when status = 'draft' then null else 2 + c % 20 end,
            case when status = 'draft' then null else deadline + 3 end,
            case when status = 'draft' then null else deadline + 40 end,
            case when status = 'draft' then null else deadline end,
            case when status = 'draft' then '{}'::text[] when c % 5 = 0 then '{}'::text[] else array['SK', 'CZ'] end,
            c % 5 = 0,
            case when status = 'draft' then '{}'::text[] else array['sk'] end,
            case when status = 'draft' then null when c < $2 then 500 else 1 + pg_temp.h(c, 62) % 40 end,
            0,
            pg_temp.norm(name || E'\\n' || brief),
            case when status = 'draft' then null else published_at end,
            published_at - interval '2 days',
            published_at
     from plan_campaigns`,
    [scale.businesses, scale.heavy.length],
  );
}

/** The search keys the app's trigger keeps (migrations 0013, 0014), written in one statement: the
 * trigger is off while the generator writes (session_replication_role = replica). */
export async function generateSearchKeys(client: pg.Client): Promise<void> {
  await client.query(`insert into campaign_search_keys ${expectedSearchKeysSql}`);
}
