import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { type App, buildApp } from '../app.ts';
import { testConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { quoteIdent } from '../ops/catalog.ts';
import type { DatabaseTarget } from '../ops/session.ts';
import { TEST_BASE_URL } from './app.ts';
import { withAdmin, withDatabase } from './database.ts';

/** For the export/import tests: databases of their own (an embedded one in a directory, and a fresh
 * PostgreSQL database on the test server under `--mode pg`, else another embedded one), and the whole
 * app over them, as `npm start` builds it. */

export async function tempDir(label: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `bextr-ops-${label}-`));
}

export interface Target {
  target: DatabaseTarget;
  dispose(): Promise<void>;
}

async function asAdmin(statement: string) {
  const adminUrl = withDatabase(process.env.TEST_DATABASE_URL as string, 'postgres');
  await withAdmin(adminUrl, (client) => client.query(statement));
}

/** Where an import goes: PostgreSQL when the run has a server, else a new embedded database. */
export async function freshTarget(): Promise<Target> {
  if (!process.env.TEST_DATABASE_URL) {
    const dir = await tempDir('target');
    return {
      target: { kind: 'pglite', dir: path.join(dir, 'pglite') },
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `bextr_test_ops_${randomBytes(5).toString('hex')}`;
  await asAdmin(`create database ${quoteIdent(name)}`);
  return {
    target: { kind: 'postgres', url: withDatabase(process.env.TEST_DATABASE_URL, name) },
    dispose: () => asAdmin(`drop database if exists ${quoteIdent(name)} with (force)`),
  };
}

export interface RunningApp {
  app: App;
  database: Database;
  /** Runs SQL on the app's own database (its only connection, for PGlite). */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

/** The app over the target (migrated first, as at boot), keeping its uploads in `uploadsDir`. */
export async function startApp(target: DatabaseTarget, uploadsDir: string): Promise<RunningApp> {
  const database = await openDatabase(target);
  await migrateDatabase(database);
  const app = await buildApp({
    config: testConfig({ uploadsDir }),
    database,
    outboxPollMs: 0,
    housekeepingMs: 0,
    messageEmailsMs: 0,
    baseUrl: TEST_BASE_URL,
  });
  await app.ready();
  return {
    app,
    database,
    // In UTC, so that timestamps read the same from either driver.
    async query<T>(sql: string) {
      if (database.pglite) {
        await database.pglite.query("set TimeZone = 'UTC'");
        return (await database.pglite.query<T>(sql)).rows;
      }
      const client = await (database.pool as pg.Pool).connect();
      try {
        await client.query("set TimeZone = 'UTC'");
        return (await client.query(sql)).rows as T[];
      } finally {
        client.release();
      }
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Every row of every app table as PostgreSQL's text of it, sorted: equal means moved exactly. */
export async function tableContents(run: Pick<RunningApp, 'query'>): Promise<Record<string, string[]>> {
  const tables = await run.query<{ name: string }>(
    `select relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by relname`,
  );
  const contents: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await run.query<{ r: string }>(`select t::text as r from public.${quoteIdent(name)} t`);
    contents[name] = rows.map((x) => x.r).sort();
  }
  return contents;
}

/** The state of every sequence: where the next id comes from. */
export async function sequenceStates(run: Pick<RunningApp, 'query'>): Promise<Record<string, string>> {
  const seqs = await run.query<{ name: string }>(
    `select relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'S' order by relname`,
  );
  const states: Record<string, string> = {};
  for (const { name } of seqs) {
    const [s] = await run.query<{ v: string }>(
      `select last_value::text || '/' || is_called::text as v from public.${quoteIdent(name)}`,
    );
    states[name] = s?.v ?? '';
  }
  return states;
}
