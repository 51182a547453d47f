import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { fromPool, openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { SESSION_SETTINGS } from './dump-format.ts';

export type DatabaseTarget = Parameters<typeof openDatabase>[0];

/** One connection to the configured database, for the export and import commands: every statement
 * runs on it, so a transaction or a cursor spans them. */
export interface OpsSession {
  kind: DatabaseTarget['kind'];
  /** What the target is, for messages (a PostgreSQL URL without its password). */
  label: string;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Brings the schema to the code's migration level (the app's own migrator). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Another process has the embedded database open (or had it, and was killed). */
export class DatabaseInUseError extends Error {}

/** Processes (other than this one) holding files of `dir` open, from /proc; null where /proc does
 * not say (not Linux). */
function processesUsing(dir: string): number[] | null {
  if (!existsSync('/proc/self/fd')) return null;
  const prefix = `${path.resolve(dir)}${path.sep}`;
  const holders: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's: not ours to read
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(prefix)) {
          holders.push(pid);
          break;
        }
      } catch {
        // the descriptor closed meanwhile
      }
    }
  }
  return holders;
}

/** PGlite is one process's database: copying or importing while BeXtr runs on it would read half-
 * written pages or lose writes. An open PGlite leaves `postmaster.pid` in its directory (removed on a
 * clean close); on Linux the process holding its files tells a running app from a killed one. */
export function assertPgliteIdle(dir: string, opts: { ignoreLock?: boolean } = {}): void {
  if (!existsSync(path.join(dir, 'postmaster.pid'))) return;
  const holders = processesUsing(dir);
  if (holders && holders.length > 0)
    throw new DatabaseInUseError(
      `the embedded database in ${dir} is open in process ${holders.join(', ')}: stop BeXtr first`,
    );
  if (holders === null && !opts.ignoreLock)
    throw new DatabaseInUseError(
      `the embedded database in ${dir} is in use or was not closed cleanly (postmaster.pid is there): ` +
        'stop BeXtr first; if it is not running, run again with --ignore-lock',
    );
  // Not held by anyone: left by a process that was killed; PGlite recovers it on open.
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function applySettings(session: OpsSession) {
  for (const statement of SESSION_SETTINGS) await session.query(statement);
}

/** Opens the target. `mustExist`: an export must not create an empty embedded database by mistake. */
export async function openSession(
  target: DatabaseTarget,
  opts: { mustExist?: boolean; ignoreLock?: boolean } = {},
): Promise<OpsSession> {
  let session: OpsSession;
  if (target.kind === 'pglite') {
    if (opts.mustExist && !existsSync(path.join(target.dir, 'PG_VERSION')))
      throw new Error(`there is no embedded database in ${target.dir} (check DATA_DIR)`);
    assertPgliteIdle(target.dir, opts);
    const database = await openDatabase(target);
    const client = database.pglite as PGlite;
    session = {
      kind: 'pglite',
      label: `embedded database in ${target.dir}`,
      query: async <T>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows,
      migrate: () => migrateDatabase(database),
      close: () => database.close(),
    };
  } else {
    // Two connections: the one every statement runs on, and one for the migrator (which takes its
    // advisory lock, so a BeXtr process booting meanwhile waits instead of racing).
    const pool = new pg.Pool({ connectionString: target.url, max: 2, connectionTimeoutMillis: 10_000 });
    pool.on('error', () => {});
    const client = await pool.connect().catch(async (err: unknown) => {
      await pool.end();
      throw new Error(`cannot connect to ${redact(target.url)}: ${(err as Error).message}`);
    });
    client.on('error', () => {});
    const database = fromPool(pool);
    session = {
      kind: 'postgres',
      label: redact(target.url),
      query: async <T>(sql: string, params?: unknown[]) =>
        (await client.query(sql, params as unknown[])).rows as T[],
      migrate: () => migrateDatabase(database),
      async close() {
        client.release();
        await database.close();
      },
    };
  }
  try {
    await applySettings(session);
  } catch (err) {
    await session.close();
    throw err;
  }
  return session;
}
