import type { AppContext } from '@bextr/api/src/context.ts';
import { appPoolConfig, type Db } from '@bextr/api/src/db/client.ts';
import * as schema from '@bextr/api/src/db/schema.ts';
import { findSessionUser } from '@bextr/api/src/modules/auth/sessions.ts';
import { searchCampaigns } from '@bextr/api/src/modules/campaigns/discovery.ts';
import { campaignSearchQuerySchema } from '@bextr/contracts';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type ScenarioResult, summarize } from './measure.ts';

export interface CapturedQuery {
  text: string;
  params: unknown[];
}

/** The discovery query string the HTTP scenario sends for a search word. */
export const discoveryQuery = (q: string) => ({ q, network: 'instagram', compensation: 'paid', limit: '20' });

/** What the endpoint sends the database for one request: the session lookup behind every signed-in
 * request, then the search. */
export interface DiscoverySql {
  session: CapturedQuery;
  searches: CapturedQuery[];
}

/** The SQL the endpoint runs for each query string: the app's own findSessionUser (the hook's
 * lookup) and searchCampaigns, run against the bench database through drizzle with a logger that
 * keeps what it sends — so it cannot drift from the endpoint. Until session 13 only the search was
 * measured; the endpoint runs both (bench/RESULTS.md #43). */
export async function captureDiscoverySql(
  url: string,
  words: readonly string[],
  sessionToken: string,
): Promise<DiscoverySql> {
  const pool = new pg.Pool(appPoolConfig(url, { max: 1, connectionTimeoutMillis: 10_000 }));
  const captured: CapturedQuery[] = [];
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (text, params) => captured.push({ text, params }) },
  }) as unknown as Db;
  const ctx = { db } as unknown as AppContext;
  try {
    if (!(await findSessionUser(db, sessionToken))) throw new Error('the influencer session is not valid');
    for (const word of words)
      await searchCampaigns(ctx, { query: campaignSearchQuerySchema.parse(discoveryQuery(word)) });
  } finally {
    await pool.end();
  }
  const [session, ...searches] = captured;
  if (!session || searches.length !== words.length)
    throw new Error(`expected a session lookup and one query per search, captured ${captured.length}`);
  return { session, searches };
}

/** The captured statements straight through a pg Pool at the same concurrency, for the same time,
 * sent as the app sends them (its pool settings: prepared by name, no parallel query): for each
 * request the session lookup, then the search, each on a connection taken from the pool as the app
 * takes one (`searchOnly`: the search alone, as discovery-sql was measured until #43). */
export async function runSql(
  url: string,
  sql: DiscoverySql,
  opts: { seconds: number; connections: number; searchOnly?: boolean },
): Promise<ScenarioResult> {
  const pool = new pg.Pool(appPoolConfig(url, { max: opts.connections, connectionTimeoutMillis: 10_000 }));
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  // Array rows, as drizzle asks for them.
  const send = (q: CapturedQuery) =>
    pool.query({ text: q.text, values: q.params as unknown[], rowMode: 'array' });
  // Warm the pool's connections first, outside the measured time.
  await Promise.all(Array.from({ length: opts.connections }, () => pool.query('select 1')));
  const started = performance.now();
  const until = started + opts.seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const search = sql.searches[i++ % sql.searches.length] as CapturedQuery;
      const t = performance.now();
      try {
        if (!opts.searchOnly) {
          const session = await send(sql.session);
          if (session.rows.length !== 1) throw new Error('the session lookup found no session');
        }
        await send(search);
        latencies.push(performance.now() - t);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return summarize(opts.searchOnly ? 'discovery-search-sql' : 'discovery-sql', latencies, seconds, errors);
}
