import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** Tables left out of the digest: only the rate-limit counters (decision 019). A limit counts
 * attempts, refused ones included (sending a message, filing a report or writing in one are counted
 * before the checks, so probing is throttled too); a counter is all that table holds. No request
 * slides a session, so every other table must stay unchanged. */
export const VOLATILE_TABLES = new Set<string>(['rate_limits']);

/** One fingerprint per table of the public schema: md5 over every row as text, in a fixed order. Two
 * equal digests mean no row was added, removed or changed. */
export async function digestDatabase(db: Db): Promise<Record<string, string>> {
  const parts = (await tableNames(db)).map(
    (n) =>
      `select '${n}' as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${n}" t`,
  );
  const rows = await query<{ name: string; digest: string }>(db, sql.raw(parts.join(' union all ')));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

/** Rows of a raw query (PGlite and node-postgres both answer `{ rows }`). */
async function query<T>(db: Db, statement: SQL): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

const names = new WeakMap<Db, Promise<string[]>>();

/** The public schema's tables (but the volatile ones), looked up once per database. */
function tableNames(db: Db): Promise<string[]> {
  let found = names.get(db);
  if (!found) {
    found = query<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ).then((rows) => rows.map((row) => row.name).filter((n) => !VOLATILE_TABLES.has(n)));
    names.set(db, found);
  }
  return found;
}

/** The tables whose rows differ between two digests. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}
