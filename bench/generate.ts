/** Fills the bench database with a marketplace of the chosen scale, through the app's own
 * migrations: `tsx bench/generate.ts --scale small|large` (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/bextr_bench; the database is dropped and created afresh). */
import { parseArgs } from 'node:util';
import { openDatabase } from '@bextr/api/src/db/client.ts';
import { migrateDatabase } from '@bextr/api/src/db/migrate.ts';
import { hashPassword } from '@bextr/api/src/modules/auth/passwords.ts';
import { searchKeysDriftSql } from '@bextr/api/src/modules/campaigns/search-keys.ts';
import { normalizeSearchText } from '@bextr/contracts';
import { generateCampaigns, generateSearchKeys } from './gen/campaigns.ts';
import { installHelpers } from './gen/helpers.ts';
import { generateMessages } from './gen/messages.ts';
import { generateOffers } from './gen/offers.ts';
import { generatePeople } from './gen/people.ts';
import { recreateDatabase, withClient } from './lib/db.ts';
import { checkForeignKeys } from './lib/integrity.ts';
import { BENCH_PASSWORD, benchDatabaseUrl, type Scale, scaleOf } from './lib/scales.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);

async function step(name: string, fn: () => Promise<unknown>) {
  const started = performance.now();
  await fn();
  log(`  ${name.padEnd(28)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The derived text must be what the app derives: a sample compared with normalizeSearchText; and
 * the search keys what the app's trigger would have written, every one. */
async function checkSearchText(url: string) {
  await withClient(url, async (c) => {
    const drift = await c.query(searchKeysDriftSql);
    if (drift.rowCount) throw new Error(`search keys differ from the campaigns in ${drift.rowCount} rows`);
    const rows = await c.query<{ name: string; brief: string; search_text: string }>(
      'select name, brief, search_text from campaigns where name is not null order by random() limit 200',
    );
    for (const r of rows.rows) {
      const expected = normalizeSearchText([r.name, r.brief].filter(Boolean).join('\n'));
      if (expected !== r.search_text) throw new Error(`search text differs: ${r.search_text} vs ${expected}`);
    }
  });
}

export async function generate(scale: Scale, url = benchDatabaseUrl()): Promise<number> {
  const started = performance.now();
  log(`Generating ${scale.name} into ${url.replace(/:[^:@/]*@/, ':***@')}`);
  await step('database (re)created', () => recreateDatabase(url));
  await step('app migrations', async () => {
    const database = await openDatabase({ kind: 'postgres', url });
    try {
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
  });
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await withClient(url, async (client) => {
    await client.query('set synchronous_commit = off');
    await client.query("set work_mem = '256MB'");
    await client.query("set maintenance_work_mem = '512MB'");
    await installHelpers(client);
    // Foreign-key triggers off while writing (checked all at once below); checks, unique indexes and
    // NOT NULLs still hold row by row.
    await client.query('set session_replication_role = replica');
    await client.query('begin');
    await step('users and profiles', () => generatePeople(client, scale, passwordHash));
    await step('campaigns', () => generateCampaigns(client, scale));
    await step('search keys', () => generateSearchKeys(client));
    await step('offers, threads, notifications', () => generateOffers(client, scale));
    await step('messages and read markers', () => generateMessages(client, scale));
    await client.query('commit');
    await client.query('set session_replication_role = origin');
    await step('foreign keys checked', () => checkForeignKeys(client));
    await step('vacuum analyze', () => client.query('vacuum analyze'));
  });
  await checkSearchText(url);
  const seconds = (performance.now() - started) / 1000;
  log(`Done in ${seconds.toFixed(1)} s`);
  return seconds;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'small' } } });
  generate(scaleOf(values.scale)).catch((err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
