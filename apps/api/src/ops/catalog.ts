import { type MigrationLevel, tagOfMigration } from './dump-format.ts';
import type { OpsSession } from './session.ts';

/** What the export and import read from PostgreSQL's catalog: the app's tables (schema `public`),
 * their columns, keys and sequences. Computed, not listed by hand, so a new table is moved too.
 * A table whose comment starts with `derived:` is left out: a trigger writes it from other tables
 * (campaign_search_keys, from campaigns), so the import's own inserts write it again. */

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface TableInfo {
  name: string;
  /** The columns that hold data, in table order (generated columns are computed again on insert). */
  columns: string[];
  /** Each column's SQL type (`format_type`), for the casts the import writes. */
  types: Record<string, string>;
  /** Columns filled by GENERATED ALWAYS AS IDENTITY: the insert must say OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
  primaryKey: string[];
}

export interface ForeignKey {
  child: string;
  parent: string;
}

export async function listTables(session: OpsSession): Promise<TableInfo[]> {
  const tables = await session.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and not c.relispartition
        and coalesce(obj_description(c.oid, 'pg_class'), '') not like 'derived:%'
      order by c.relname`,
  );
  const result: TableInfo[] = [];
  for (const { name } of tables) {
    const regclass = `public.${quoteIdent(name)}`;
    const cols = await session.query<{ name: string; type: string; identity: string; generated: string }>(
      `select attname as name, format_type(atttypid, atttypmod) as type, attidentity::text as identity,
              attgenerated::text as generated
         from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped
        order by attnum`,
      [regclass],
    );
    const pk = await session.query<{ name: string }>(
      `select a.attname as name from pg_index i
         join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = $1::regclass and i.indisprimary order by k.ord`,
      [regclass],
    );
    result.push({
      name,
      columns: cols.filter((c) => c.generated === '').map((c) => c.name),
      types: Object.fromEntries(cols.map((c) => [c.name, c.type])),
      identityAlways: cols.some((c) => c.identity === 'a'),
      primaryKey: pk.map((c) => c.name),
    });
  }
  return result;
}

/** Refuses what the export would otherwise leave out silently: it copies plain tables of schema
 * `public`, so a partitioned table (its rows live in the partitions) or a foreign table there would
 * be missing from the dump. None of BeXtr's migrations makes one; a future one must extend the export. */
export async function assertDumpable(session: OpsSession): Promise<void> {
  const odd = await session.query<{ name: string; kind: string }>(
    `select c.relname as name, case when c.relkind = 'p' then 'partitioned table'
              when c.relkind = 'f' then 'foreign table' else 'partition' end as kind
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and (c.relkind in ('p', 'f') or (c.relkind = 'r' and c.relispartition))
      order by c.relname`,
  );
  if (odd.length)
    throw new Error(
      `cannot export ${odd.map((t) => `${t.name} (${t.kind})`).join(', ')}: the export copies plain tables ` +
        'only, and would leave these out; nothing was written',
    );
}

export async function listForeignKeys(session: OpsSession): Promise<ForeignKey[]> {
  return session.query<ForeignKey>(
    `select child.relname as child, parent.relname as parent from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
       join pg_namespace n on n.oid = k.connamespace
      where k.contype = 'f' and n.nspname = 'public'`,
  );
}

/** Parents before children, so every foreign key finds its row. A table pointing at itself is left to
 * the row order (see the import); a cycle between tables is refused rather than guessed at. */
export function foreignKeyOrder(tables: string[], keys: ForeignKey[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const k of keys) if (k.child !== k.parent) parents.get(k.child)?.add(k.parent);
  const ordered: string[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (table: string, trail: string[]) => {
    if (done.has(table)) return;
    if (visiting.has(table))
      throw new Error(`the tables reference each other in a cycle: ${[...trail, table].join(' → ')}`);
    visiting.add(table);
    for (const parent of [...(parents.get(table) ?? [])].sort()) {
      if (parents.has(parent)) visit(parent, [...trail, table]);
    }
    visiting.delete(table);
    done.add(table);
    ordered.push(table);
  };
  for (const t of [...tables].sort()) visit(t, []);
  return ordered;
}

export async function listSequences(session: OpsSession): Promise<string[]> {
  const rows = await session.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
  );
  return rows.map((r) => r.name);
}

/** The last migration drizzle recorded as applied; null on a database never migrated. */
export async function appliedMigrationLevel(session: OpsSession): Promise<MigrationLevel | null> {
  const [exists] = await session.query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return null;
  const [last] = await session.query<{ when: string }>(
    'select created_at::text as "when" from drizzle.__drizzle_migrations order by created_at desc limit 1',
  );
  if (!last) return null;
  const when = Number(last.when);
  return { tag: tagOfMigration(when) ?? `unknown migration of ${new Date(when).toISOString()}`, when };
}

/** Tables holding at least one row. */
export async function nonEmptyTables(session: OpsSession, tables: TableInfo[]): Promise<string[]> {
  const found: string[] = [];
  for (const t of tables) {
    const rows = await session.query(`select 1 from public.${quoteIdent(t.name)} limit 1`);
    if (rows.length > 0) found.push(t.name);
  }
  return found;
}

export async function countRows(session: OpsSession, table: string): Promise<number> {
  const [row] = await session.query<{ n: string }>(
    `select count(*)::text as n from public.${quoteIdent(table)}`,
  );
  return Number(row?.n ?? 0);
}
