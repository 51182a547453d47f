import { mkdirSync, statSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { LanePool } from './lanes.ts';
import { NamingClient } from './named-statements.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** A cheap round trip, for readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The underlying driver, for migrations and tests. */
  pglite?: PGlite;
  pool?: pg.Pool;
}

/** Creates a data directory (and the missing ones above it, DATA_DIR itself) readable by BeXtr's user
 * only: the database files and PGlite's WAL hold password hashes, sessions and second-factor secrets.
 * A directory that exists already is left as the operator made it (see `dataDirWarning`). */
export function createPrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** A warning for the boot log when others may read DATA_DIR (made by hand or by an older BeXtr with
 * the usual umask); null when it is private or absent. */
export function dataDirWarning(dir: string): string | null {
  const info = statSync(dir, { throwIfNoEntry: false });
  if (!info || (info.mode & 0o007) === 0) return null;
  return `DATA_DIR ${dir} can be read by other users of this machine (mode ${(info.mode & 0o777).toString(8)}); it holds the embedded database and the uploads: chmod 700 it`;
}

export function fromPglite(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    async ping() {
      await client.query('select 1');
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

export function fromPool(pool: pg.Pool): Database {
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pool,
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      // Like the PGlite side: closing twice is harmless (pg's Pool.end() throws the second time).
      if (!pool.ending) await pool.end();
    },
  };
}

/** How the app connects to PostgreSQL (decision 018), shared with the tests' pools and the bench's
 * SQL baseline so they measure what the app sends:
 * - every parameterised statement prepared by name (NamingClient);
 * - no parallel query: the app runs many short statements at once, and a worker process started for
 *   one of them takes a core from the others (discovery at large scale: 233 instead of 182 requests a
 *   second, p99 205 instead of 285 ms, on the bench's two cores). */
export function appPoolConfig(
  url: string,
  opts: { max: number; connectionTimeoutMillis: number },
): pg.PoolConfig {
  return {
    connectionString: url,
    ...opts,
    Client: NamingClient,
    pipeline: true,
    options: '-c max_parallel_workers_per_gather=0',
  };
}

export async function openDatabase(
  target: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string },
): Promise<Database> {
  if (target.kind === 'pglite') {
    createPrivateDir(target.dir);
    const client = await PGlite.create(target.dir);
    return fromPglite(client);
  }
  // Eight connections for transactions (and statements while the lanes are busy), two lanes: ten.
  const pool = new LanePool(appPoolConfig(target.url, { max: 8, connectionTimeoutMillis: 5000 }));
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Readiness reports the outage.
  });
  // A client that is checked out (between the statements of a transaction, say) has no listener of
  // the pool's: a server shutting down (57P01) would be an unhandled 'error' that ends the process.
  // Its query fails instead (the error handler answers 503) and the pool drops it on release.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return fromPool(pool);
}
