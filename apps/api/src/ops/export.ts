import { rm } from 'node:fs/promises';
import {
  appliedMigrationLevel,
  assertDumpable,
  foreignKeyOrder,
  listForeignKeys,
  listSequences,
  listTables,
  quoteIdent,
  type TableInfo,
} from './catalog.ts';
import {
  createDumpFile,
  DUMP_FORMAT,
  DUMP_VERSION,
  type DumpHeader,
  type DumpValue,
  DumpWriter,
  type SequenceState,
} from './dump-format.ts';
import { type DatabaseTarget, type OpsSession, openSession } from './session.ts';

const FETCH_ROWS = 1000;

export interface ExportResult {
  file: string;
  migration: DumpHeader['migration'];
  rows: Record<string, number>;
}

/** Writes every row of the app's tables to one dump file (see dump-format.ts), from one snapshot:
 * a repeatable-read transaction, so rows written meanwhile (on PostgreSQL, where the app may keep
 * running) cannot leave a child without its parent. */
export async function exportData(opts: {
  target: DatabaseTarget;
  out: string;
  ignoreLock?: boolean;
}): Promise<ExportResult> {
  // The file first: a wrong --out fails before the database is opened, and nothing overwrites it.
  const writer = new DumpWriter(await createDumpFile(opts.out));
  let session: OpsSession | null = null;
  try {
    session = await openSession(opts.target, { mustExist: true, ignoreLock: opts.ignoreLock ?? false });
    await session.query('begin isolation level repeatable read read only');
    const migration = await appliedMigrationLevel(session);
    if (!migration) throw new Error(`${session.label} holds no BeXtr schema (never migrated)`);
    await assertDumpable(session);
    // Parents before children: the import then loads the file in one pass.
    const byName = new Map((await listTables(session)).map((t) => [t.name, t]));
    const order = foreignKeyOrder([...byName.keys()], await listForeignKeys(session));
    const tables = order.map((name) => byName.get(name) as TableInfo);

    const header: DumpHeader = {
      format: DUMP_FORMAT,
      version: DUMP_VERSION,
      createdAt: new Date().toISOString(),
      source: session.kind,
      migration,
    };
    await writer.write(header);

    const rows: Record<string, number> = {};
    for (const table of tables) {
      await writer.write({ table: table.name, columns: table.columns });
      const select = table.columns.map((c, i) => `${quoteIdent(c)}::text as c${i}`).join(', ');
      const order = table.primaryKey.length ? ` order by ${table.primaryKey.map(quoteIdent).join(', ')}` : '';
      // A cursor: a big table streams through in pages instead of filling memory.
      await session.query(
        `declare dump_rows no scroll cursor for select ${select} from public.${quoteIdent(table.name)}${order}`,
      );
      let count = 0;
      for (;;) {
        // Positional aliases ("c0", "c1", …): a row object's key order is not to be trusted.
        const page = await session.query<Record<string, DumpValue>>(`fetch ${FETCH_ROWS} from dump_rows`);
        for (const row of page) await writer.write(table.columns.map((_, i) => row[`c${i}`] ?? null));
        count += page.length;
        if (page.length < FETCH_ROWS) break;
      }
      await session.query('close dump_rows');
      rows[table.name] = count;
    }

    const sequences: SequenceState[] = [];
    for (const name of await listSequences(session)) {
      const [state] = await session.query<{ last_value: string; is_called: boolean }>(
        `select last_value::text, is_called from public.${quoteIdent(name)}`,
      );
      if (state) sequences.push({ name, lastValue: state.last_value, isCalled: state.is_called });
    }
    await writer.write({ sequences });
    await writer.write({ end: true, rows });
    await session.query('commit');
    await writer.finish();
    return { file: opts.out, migration, rows };
  } catch (err) {
    // Any failure (database refused, disk full): no partial file is left to be mistaken for a dump.
    await writer.abort();
    await rm(opts.out, { force: true });
    throw err;
  } finally {
    await session?.close();
  }
}
