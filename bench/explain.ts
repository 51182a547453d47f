/** `npx tsx bench/explain.ts`: EXPLAIN (ANALYZE, BUFFERS) of the hot read queries, captured from the
 * app's own functions against the bench database (for docs/decisions/018-performance.md). */

import type { AppContext } from '@bextr/api/src/context.ts';
import { appPoolConfig, type Db } from '@bextr/api/src/db/client.ts';
import * as schema from '@bextr/api/src/db/schema.ts';
import { findSessionUser } from '@bextr/api/src/modules/auth/sessions.ts';
import { searchCampaigns } from '@bextr/api/src/modules/campaigns/discovery.ts';
import { listMessages } from '@bextr/api/src/modules/conversations/service.ts';
import { listCampaignOffers } from '@bextr/api/src/modules/offers/lists.ts';
import { campaignOffersQuerySchema, campaignSearchQuerySchema } from '@bextr/contracts';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { withClient } from './lib/db.ts';
import { benchDatabaseUrl } from './lib/scales.ts';
import { findActors } from './run/actors.ts';
import { discoveryQuery } from './run/discovery-sql.ts';

const url = benchDatabaseUrl();
const only = process.argv[2];
const pool = new pg.Pool(appPoolConfig(url, { max: 1, connectionTimeoutMillis: 10_000 }));
let captured: { text: string; params: unknown[] }[] = [];
const db = drizzle(pool, {
  schema,
  logger: { logQuery: (text, params) => captured.push({ text, params }) },
}) as unknown as Db;
const ctx = { db } as unknown as AppContext;

async function explain(label: string, run: () => Promise<unknown>) {
  if (only && !label.includes(only)) return;
  captured = [];
  await run();
  for (const q of captured) {
    const plan = await pool.query(`explain (analyze, buffers, costs off) ${q.text}`, q.params as unknown[]);
    process.stdout.write(`\n=== ${label}\n${q.text}\n-- ${JSON.stringify(q.params)}\n`);
    for (const row of plan.rows) process.stdout.write(`${row['QUERY PLAN']}\n`);
  }
}

const actors = await withClient(url, (c) => findActors(c, { senders: 1, pairs: 1, streams: 1 }));
const userByEmail = async (email: string) => {
  const [u] = await db.select().from(schema.users).where(eq(schema.users.email, email));
  if (!u) throw new Error(email);
  return u;
};
await explain('discovery', () =>
  searchCampaigns(ctx, { query: campaignSearchQuerySchema.parse(discoveryQuery('kava')) }),
);
const owner = await userByEmail(actors.inboxOwnerEmail);
await explain('offer-inbox', () =>
  listCampaignOffers(ctx, {
    user: owner,
    campaignId: actors.inboxCampaignId,
    query: campaignOffersQuerySchema.parse({ limit: '20' }),
  }),
);
const member = await userByEmail(actors.bigThreadMemberEmail);
await explain('thread-page', () => listMessages(ctx, { user: member, id: actors.bigThreadId, limit: 50 }));
await explain('session', () => findSessionUser(db, 'no-such-token'));
await pool.end();
