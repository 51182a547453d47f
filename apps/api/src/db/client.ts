import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
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

export async function openDatabase(
  target: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string },
): Promise<Database> {
  if (target.kind === 'pglite') {
    mkdirSync(target.dir, { recursive: true });
    const client = await PGlite.create(target.dir);
    return fromPglite(client);
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5000 });
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
