import type { AppContext } from '@bextr/api/src/context.ts';
import { appPoolConfig, type Db } from '@bextr/api/src/db/client.ts';
import * as schema from '@bextr/api/src/db/schema.ts';
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

/** The SQL the endpoint runs for each query string: the app's own searchCampaigns, run once against
 * the bench database through drizzle with a logger that keeps what it sends — so it cannot drift
 * from the endpoint. */
export async function captureDiscoverySql(url: string, words: readonly string[]): Promise<CapturedQuery[]> {
  const pool = new pg.Pool(appPoolConfig(url, { max: 1, connectionTimeoutMillis: 10_000 }));
  const captured: CapturedQuery[] = [];
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (text, params) => captured.push({ text, params }) },
  }) as unknown as Db;
  const ctx = { db } as unknown as AppContext;
  try {
    for (const word of words)
      await searchCampaigns(ctx, { query: campaignSearchQuerySchema.parse(discoveryQuery(word)) });
  } finally {
    await pool.end();
  }
  if (captured.length !== words.length)
    throw new Error(`expected one query per search, captured ${captured.length}`);
  return captured;
}

/** The captured queries straight through a pg Pool at the same concurrency, for the same time, sent
 * as the app sends them (its pool settings: prepared by name, no parallel query). */
export async function runSql(
  url: string,
  queries: readonly CapturedQuery[],
  opts: { seconds: number; connections: number },
): Promise<ScenarioResult> {
  const pool = new pg.Pool(appPoolConfig(url, { max: opts.connections, connectionTimeoutMillis: 10_000 }));
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  // Warm the pool's connections first, outside the measured time.
  await Promise.all(Array.from({ length: opts.connections }, () => pool.query('select 1')));
  const started = performance.now();
  const until = started + opts.seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const q = queries[i++ % queries.length] as CapturedQuery;
      const t = performance.now();
      try {
        // Array rows, as drizzle asks for them.
        await pool.query({ text: q.text, values: q.params as unknown[], rowMode: 'array' });
        latencies.push(performance.now() - t);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return summarize('discovery-sql', latencies, seconds, errors);
}
