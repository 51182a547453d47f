import {
  appliedMigrationLevel,
  countRows,
  foreignKeyOrder,
  listForeignKeys,
  listSequences,
  listTables,
  nonEmptyTables,
  quoteIdent,
  type TableInfo,
} from './catalog.ts';
import {
  codeMigrationLevel,
  type DumpHeader,
  type DumpValue,
  readDump,
  type SequenceState,
} from './dump-format.ts';
import { type DatabaseTarget, type OpsSession, openSession } from './session.ts';

/** The import will not go ahead; nothing was written. */
export class ImportRefusedError extends Error {}

export interface ImportResult {
  migration: DumpHeader['migration'];
  /** Rows per table, as counted in the target after the insert (equal to the file's). */
  rows: Record<string, number>;
  replaced: boolean;
}

interface DumpSummary {
  header: DumpHeader;
  tables: { name: string; columns: string[] }[];
  rows: Record<string, number>;
}

/** Pass one: reads the whole file before anything is written, so a damaged or cut-short file fails
 * with a clear error and the target is never touched. */
async function checkDump(file: string): Promise<DumpSummary> {
  let header: DumpHeader | null = null;
  const tables: DumpSummary['tables'] = [];
  const counted: Record<string, number> = {};
  let current = '';
  for await (const event of readDump(file)) {
    if (!('kind' in event)) header = event;
    else if (event.kind === 'table') {
      tables.push({ name: event.table, columns: event.columns });
      current = event.table;
      counted[current] = 0;
    } else if (event.kind === 'row') counted[current] = (counted[current] ?? 0) + 1;
    else if (event.kind === 'end') {
      for (const [table, n] of Object.entries(event.rows))
        if (counted[table] !== n)
          throw new ImportRefusedError(
            `${file}: ${table} has ${counted[table] ?? 0} rows, its footer says ${n}`,
          );
    }
  }
  if (!header) throw new ImportRefusedError(`${file}: no header`);
  return { header, tables, rows: counted };
}

/** Checks the file's tables against the target's: same columns, and parents before children. */
function planTables(dump: DumpSummary, target: TableInfo[], order: string[]): Map<string, TableInfo> {
  const byName = new Map(target.map((t) => [t.name, t]));
  const position = new Map(order.map((t, i) => [t, i]));
  let last = -1;
  for (const t of dump.tables) {
    const info = byName.get(t.name);
    if (!info) throw new ImportRefusedError(`the target has no table ${t.name}`);
    const missing = t.columns.filter((c) => !info.columns.includes(c));
    if (missing.length) throw new ImportRefusedError(`the target's ${t.name} lacks ${missing.join(', ')}`);
    // The export writes tables parents-first; one pass over the file then suffices. Checked against
    // the target's own foreign keys, so a reordered file cannot slip a child in before its parent.
    const at = position.get(t.name) ?? -1;
    if (at < last) throw new ImportRefusedError(`${t.name} comes before a table it references in the file`);
    last = at;
  }
  return byName;
}

/** PostgreSQL binds at most 65 535 parameters to one statement. */
const MAX_PARAMS = 60_000;
const MAX_BATCH_ROWS = 500;

/** Inserts rows in multi-row statements. A table referencing itself is staged in a
 * temporary table and moved in one statement: foreign keys are checked at the statement's end, so
 * a child row may come before its parent. */
class TableLoader {
  private batch: DumpValue[][] = [];
  private readonly batchRows: number;
  private readonly into: string;

  constructor(
    private readonly session: OpsSession,
    private readonly table: TableInfo,
    private readonly columns: string[],
    private readonly staged: boolean,
  ) {
    this.batchRows = Math.max(
      1,
      Math.min(MAX_BATCH_ROWS, Math.floor(MAX_PARAMS / Math.max(1, columns.length))),
    );
    this.into = staged ? quoteIdent(`import_stage_${table.name}`) : `public.${quoteIdent(table.name)}`;
  }

  async start() {
    if (this.staged)
      await this.session.query(
        `create temporary table ${this.into} (like public.${quoteIdent(this.table.name)}) on commit drop`,
      );
  }

  async add(values: DumpValue[]) {
    this.batch.push(values);
    if (this.batch.length >= this.batchRows) await this.flush();
  }

  private async flush() {
    if (!this.batch.length) return;
    const cols = this.columns.map(quoteIdent).join(', ');
    const overriding = this.table.identityAlways && !this.staged ? ' overriding system value' : '';
    const width = this.columns.length;
    // `$n::text::type`: the value goes in as text (no driver converts it) and the column type's input
    // function reads it, exactly as PostgreSQL wrote it out.
    const casts = this.columns.map((c) => `::text::${this.table.types[c]}`);
    const tuples = this.batch.map(
      (_, r) => `(${casts.map((cast, c) => `$${r * width + c + 1}${cast}`).join(', ')})`,
    );
    await this.session.query(
      `insert into ${this.into} (${cols})${overriding} values ${tuples.join(', ')}`,
      this.batch.flat(),
    );
    this.batch = [];
  }

  async finish() {
    await this.flush();
    if (!this.staged) return;
    const cols = this.columns.map(quoteIdent).join(', ');
    const overriding = this.table.identityAlways ? ' overriding system value' : '';
    await this.session.query(
      `insert into public.${quoteIdent(this.table.name)} (${cols})${overriding} select ${cols} from ${this.into}`,
    );
  }
}

/** Sets every sequence where the source had it, then makes sure none is behind its column (so the
 * next row gets a fresh id even if a dump's sequence state were older than its rows). */
async function restoreSequences(session: OpsSession, sequences: SequenceState[]) {
  const present = new Set(await listSequences(session));
  for (const s of sequences) {
    if (!present.has(s.name)) continue;
    await session.query('select setval($1::regclass, $2::bigint, $3::boolean)', [
      `public.${quoteIdent(s.name)}`,
      s.lastValue,
      s.isCalled,
    ]);
  }
  const owned = await session.query<{ tbl: string; col: string; seq: string }>(
    `select c.relname as tbl, a.attname as col, pg_get_serial_sequence(format('public.%I', c.relname), a.attname) as seq
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r'
        and pg_get_serial_sequence(format('public.%I', c.relname), a.attname) is not null`,
  );
  for (const o of owned) {
    await session.query(
      `select setval($1::regclass, m) from (select max(${quoteIdent(o.col)}) as m from public.${quoteIdent(o.tbl)}) x
        where m is not null and m > (select case when is_called then last_value else last_value - 1 end from ${o.seq})`,
      [o.seq],
    );
  }
}

function refuseFilled(label: string, filled: string[]): ImportRefusedError {
  return new ImportRefusedError(
    `${label} already holds data (${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}); ` +
      'import into an empty database, or stop BeXtr and pass --replace to delete what is there',
  );
}

/** Loads a dump into the target (normally PostgreSQL): migrates it to the dump's level, then inserts
 * everything in one transaction, parents first, restores the sequences and checks the row counts.
 * Refuses a dump of another migration level and a target whose tables (those in the file) already
 * hold data — both checked before the target is migrated, so a refusal (a DATABASE_URL pointing at
 * the wrong, older database, say) leaves it exactly as it was. With `replace`, the rows of the file's
 * tables are deleted in the same transaction; other tables in the database are not touched. */
export async function importData(opts: {
  target: DatabaseTarget;
  input: string;
  replace?: boolean;
  ignoreLock?: boolean;
  log?: (line: string) => void;
}): Promise<ImportResult> {
  const log = opts.log ?? (() => {});
  const dump = await checkDump(opts.input);
  const code = codeMigrationLevel();
  if (dump.header.migration.when !== code.when)
    throw new ImportRefusedError(
      `the file was exported at migration ${dump.header.migration.tag}, this code is at ${code.tag}: ` +
        `import it with the BeXtr version at migration ${dump.header.migration.tag}`,
    );
  const inFile = new Set(dump.tables.map((t) => t.name));

  const session = await openSession(opts.target, { ignoreLock: opts.ignoreLock ?? false });
  try {
    const applied = await appliedMigrationLevel(session);
    if (applied && applied.when > code.when)
      throw new ImportRefusedError(`${session.label} was migrated by a newer BeXtr (${applied.tag})`);
    // Before migrating: an import that will be refused must not upgrade the schema under whatever
    // still runs on this database.
    const existing = (await listTables(session)).filter((t) => inFile.has(t.name));
    const heldBefore = await nonEmptyTables(session, existing);
    if (heldBefore.length && !opts.replace) throw refuseFilled(session.label, heldBefore);
    if (!applied || applied.when < code.when) {
      log(`migrating ${session.label} to ${code.tag}`);
      await session.migrate();
    }

    const tables = await listTables(session);
    const keys = await listForeignKeys(session);
    const order = foreignKeyOrder(
      tables.map((t) => t.name),
      keys,
    );
    const byName = planTables(dump, tables, order);
    // Tables referencing themselves: staged, so a child row may come before its parent (TableLoader).
    const selfRefs = new Set(keys.filter((k) => k.child === k.parent).map((k) => k.child));
    // Only the tables the file fills: another application's tables in a shared database stay as
    // they are (a foreign key of theirs into ours makes the truncate fail, and nothing happens).
    const ours = tables.filter((t) => inFile.has(t.name));

    await session.query('begin');
    try {
      // Again inside the transaction: rows may have come in since the check above.
      const filled = await nonEmptyTables(session, ours);
      if (filled.length && !opts.replace) throw refuseFilled(session.label, filled);
      if (filled.length)
        await session
          .query(`truncate ${ours.map((t) => `public.${quoteIdent(t.name)}`).join(', ')}`)
          .catch((err: { code?: string; detail?: string; message: string }) => {
            if (err.code !== '0A000') throw err;
            throw new ImportRefusedError(
              `cannot empty BeXtr's tables: ${err.message}${err.detail ? ` (${err.detail})` : ''}`,
            );
          });

      let loader: TableLoader | null = null;
      for await (const event of readDump(opts.input)) {
        if (!('kind' in event)) continue;
        if (event.kind === 'table') {
          await loader?.finish();
          const info = byName.get(event.table) as TableInfo;
          loader = new TableLoader(session, info, event.columns, selfRefs.has(event.table));
          await loader.start();
          if (dump.rows[event.table]) log(`  ${event.table}: ${dump.rows[event.table]} rows`);
        } else if (event.kind === 'row') await loader?.add(event.values);
        else if (event.kind === 'sequences') {
          await loader?.finish();
          loader = null;
          await restoreSequences(session, event.sequences);
        }
      }
      await loader?.finish();

      const rows: Record<string, number> = {};
      for (const t of dump.tables) {
        rows[t.name] = await countRows(session, t.name);
        if (rows[t.name] !== dump.rows[t.name])
          throw new Error(
            `${t.name}: ${rows[t.name]} rows after the import, the file holds ${dump.rows[t.name]}`,
          );
      }
      await session.query('commit');
      return { migration: dump.header.migration, rows, replaced: filled.length > 0 };
    } catch (err) {
      await session.query('rollback').catch(() => {});
      throw err;
    }
  } finally {
    await session.close();
  }
}
