import { existsSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { migrationsFolder } from '../db/migrate.ts';
import { freshTarget, type Target, tableContents, tempDir } from '../test/ops-targets.ts';
import { codeMigrationLevel } from './dump-format.ts';
import { exportData } from './export.ts';
import { ImportRefusedError, importData } from './import.ts';
import { openSession } from './session.ts';

/** What an import must not do to a database it refuses, and what --replace and the export leave alone. */
describe('import and export guards', { timeout: 60_000 }, () => {
  let work: string;
  let target: Target;
  let dumpFile: string;

  /** The target as the BeXtr one release back left it: every migration but the last. */
  async function migrateOneBehind(t: Target) {
    const folder = path.join(work, 'migrations-behind');
    await cp(migrationsFolder, folder, { recursive: true });
    const journalFile = path.join(folder, 'meta/_journal.json');
    const journal = JSON.parse(await readFile(journalFile, 'utf8'));
    journal.entries.pop();
    await writeFile(journalFile, JSON.stringify(journal));
    const database = await openDatabase(t.target);
    try {
      // biome-ignore lint/suspicious/noExplicitAny: drizzle's migrators want their driver-specific types
      if (database.pglite) await migratePglite(database.db as any, { migrationsFolder: folder });
      else await migratePg(drizzle(database.pool as never), { migrationsFolder: folder });
    } finally {
      await database.close();
    }
  }

  /** The migrations drizzle recorded, the indexes and every row: what "as it was" means. */
  async function snapshot() {
    const session = await openSession(target.target);
    try {
      return {
        migrations: await session.query(
          'select hash, created_at::text from drizzle.__drizzle_migrations order by id',
        ),
        indexes: await session.query(
          `select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`,
        ),
        rows: await tableContents(session),
      };
    } finally {
      await session.close();
    }
  }

  beforeAll(async () => {
    work = await tempDir('guards');
    target = await freshTarget();
    await migrateOneBehind(target);
    const session = await openSession(target.target);
    await session.query(
      `insert into users (id, email, password_hash, role, name) values ('guard-user-1', 'guard@test.bextr.eu', 'x', 'business', 'Guard')`,
    );
    // Another application's table in the same database.
    await session.query('create table public.other_app_notes (id int primary key, note text)');
    await session.query(`insert into public.other_app_notes values (1, 'not BeXtr''s')`);
    await session.close();
    // A dump at this code's level: every BeXtr table, empty.
    const empty = await freshTarget();
    try {
      const fresh = await openSession(empty.target);
      await fresh.migrate();
      await fresh.close();
      dumpFile = path.join(work, 'empty.jsonl.gz');
      await exportData({ target: empty.target, out: dumpFile });
    } finally {
      await empty.dispose();
    }
  }, 120_000);

  afterAll(async () => {
    await target?.dispose();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('refuses a database one migration behind that holds data, and does not migrate it', async () => {
    const before = await snapshot();
    const last = before.migrations.at(-1) as { created_at: string };
    expect(Number(last.created_at)).toBeLessThan(codeMigrationLevel().when);
    const refused = importData({ target: target.target, input: dumpFile });
    await expect(refused).rejects.toThrow(ImportRefusedError);
    await expect(refused).rejects.toThrow(/already holds data \(users\).*stop BeXtr and pass --replace/);
    const after = await snapshot();
    expect(after.migrations).toEqual(before.migrations);
    expect(after.indexes).toEqual(before.indexes);
    expect(after.rows).toEqual(before.rows);
  });

  it('--replace migrates and empties the tables in the file, and leaves other tables alone', async () => {
    const before = await snapshot();
    const result = await importData({ target: target.target, input: dumpFile, replace: true });
    expect(result.replaced).toBe(true);
    const after = await snapshot();
    expect(after.migrations).toHaveLength(before.migrations.length + 1);
    expect(after.rows.users).toEqual([]);
    expect(after.rows.other_app_notes).toEqual(['(1,"not BeXtr\'s")']);
  });

  it('will not export a partitioned table it would leave out, and leaves no file', async () => {
    const session = await openSession(target.target);
    await session.query('create table public.ops_parted (id int not null) partition by range (id)');
    await session.query(
      'create table public.ops_parted_low partition of public.ops_parted for values from (0) to (10)',
    );
    await session.close();
    const out = path.join(work, 'parted.jsonl.gz');
    await expect(exportData({ target: target.target, out })).rejects.toThrow(
      /cannot export ops_parted \(partitioned table\), ops_parted_low \(partition\)/,
    );
    expect(existsSync(out)).toBe(false);
  });
});
