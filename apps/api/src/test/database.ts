import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { appPoolConfig, type Database, fromPglite, fromPool } from '../db/client.ts';
import { LanePool } from '../db/lanes.ts';
import { migrateDatabase } from '../db/migrate.ts';

/** Where the migrated template lives; made once per run by the global setup, read by every test file. */
export type TestDatabaseTemplate =
  | { kind: 'pglite'; dumpFile: string }
  | {
      kind: 'postgres';
      /** The server's maintenance database, for CREATE/DROP DATABASE. */
      adminUrl: string;
      /** The URL of the migrated template (the database named in TEST_DATABASE_URL). */
      templateUrl: string;
      template: string;
      /** Every database this run creates starts with it, so the teardown can find leftovers. */
      prefix: string;
    };

export interface TemplateHandle {
  template: TestDatabaseTemplate;
  dispose(): Promise<void>;
}

export interface TestDatabase {
  database: Database;
  /** Closes the database and removes what it was stored in. */
  dispose(): Promise<void>;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The URL with its database replaced by `name`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

// --- PGlite: migrate one in-memory database, dump its data dir, load a copy per test file ---

export async function createPgliteTemplate(): Promise<TemplateHandle> {
  const client = await PGlite.create();
  try {
    await migrateDatabase(fromPglite(client));
    const dump = await client.dumpDataDir('none');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bextr-test-'));
    const dumpFile = path.join(dir, 'template.tar');
    await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
    return {
      template: { kind: 'pglite', dumpFile },
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  } finally {
    await client.close();
  }
}

async function openPgliteCopy(template: { dumpFile: string }): Promise<TestDatabase> {
  const blob = new Blob([await readFile(template.dumpFile)]);
  const client = await PGlite.create({ loadDataDir: blob });
  const database = fromPglite(client);
  return { database, dispose: () => database.close() };
}

// --- PostgreSQL: migrate a template database, CREATE DATABASE … TEMPLATE it per test file ---

/** Runs `work` on one connection to `adminUrl` (e.g. the server's `postgres` database), closed after. */
export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Rebuilds the database named in the URL from scratch and migrates it: no stale schema or stray rows
 * from an earlier run can leak into the copies. Works when that database does not exist yet. */
export async function createPostgresTemplate(url: string): Promise<TemplateHandle> {
  const parsed = new URL(url);
  const template = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,39}$/.test(template) || !/test/i.test(template)) {
    // It is dropped and rebuilt at every run: never let a typo point that at real data.
    throw new Error(
      `TEST_DATABASE_URL must name a test database (letters, digits, _, containing "test"); got "${template}"`,
    );
  }
  const adminUrl = withDatabase(url, 'postgres');
  const templateUrl = withDatabase(url, template);
  const prefix = `${template}_${randomBytes(3).toString('hex')}_`;

  await withAdmin(adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(template)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoteIdent(template)}`);
  });
  // Two connections: migrateDatabase holds its advisory lock on one and migrates on another.
  const pool = new pg.Pool({ connectionString: templateUrl, max: 2, connectionTimeoutMillis: 10_000 });
  const database = fromPool(pool);
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }

  return {
    template: { kind: 'postgres', adminUrl, templateUrl, template, prefix },
    dispose: () =>
      withAdmin(adminUrl, async (admin) => {
        // Copies of files that crashed before their own cleanup.
        const { rows } = await admin.query<{ datname: string }>(
          'select datname from pg_database where starts_with(datname, $1)',
          [prefix],
        );
        for (const { datname } of rows) {
          await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
        }
      }),
  };
}

const OBJECT_IN_USE = '55006';

async function openPostgresCopy(
  template: Extract<TestDatabaseTemplate, { kind: 'postgres' }>,
): Promise<TestDatabase> {
  const name = `${template.prefix}${randomBytes(6).toString('hex')}`;
  await withAdmin(template.adminUrl, async (admin) => {
    // CREATE DATABASE refuses while another session is still connected to the template; such a
    // session (the migration's, closing) goes away on its own, so wait and try again.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template.template)}`);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== OBJECT_IN_USE || attempt >= 10) throw err;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  });
  // As the app's pool (db/client.ts): statements prepared by name, the same session settings, the
  // statements outside a transaction on shared lanes.
  const pool = new LanePool(
    appPoolConfig(withDatabase(template.templateUrl, name), { max: 5, connectionTimeoutMillis: 5000 }),
  );
  pool.on('error', () => {
    // An idle client lost its connection (e.g. the database was dropped); nothing to do in a test.
  });
  const database = fromPool(pool);
  return {
    database,
    async dispose() {
      await database.close();
      await withAdmin(template.adminUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      );
    },
  };
}

/** A fresh, migrated database of its own, copied from the run's template. */
export function openTestDatabase(template: TestDatabaseTemplate): Promise<TestDatabase> {
  return template.kind === 'pglite' ? openPgliteCopy(template) : openPostgresCopy(template);
}
