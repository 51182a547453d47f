import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.ts';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Applies the generated SQL migrations, forward only. On PostgreSQL an advisory lock keeps
 * several processes booting at once from racing each other. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: drizzle's migrator wants its driver-specific type
    await migratePglite(database.db as any, { migrationsFolder });
    return;
  }
  const pool = database.pool;
  if (!pool) throw new Error('postgres database without a pool');
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(724100)');
    // Migrate on the very connection that holds the lock: a one-connection pool cannot deadlock.
    await migratePg(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock(724100)').catch(() => {});
    client.release();
  }
}

/** The advisory lock that boot data (the admin, the initial FAQ, the demo) is prepared under. */
const BOOT_DATA_LOCK = 724101;

/** Runs `work` while holding a PostgreSQL advisory lock, so processes booting at once on one
 * database prepare their boot data one after another: the second finds the demo already loaded
 * instead of loading it again. The lock is held on a connection of its own; `work` uses the pool.
 * PGlite belongs to one process: nothing to wait for. */
export async function withBootLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  if (database.kind === 'pglite' || !database.pool) return work();
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [BOOT_DATA_LOCK]);
    return await work();
  } finally {
    const unlocked = await client.query('select pg_advisory_unlock($1)', [BOOT_DATA_LOCK]).then(
      () => true,
      () => false,
    );
    // A connection that may still hold the lock is closed, never handed back to the pool.
    client.release(!unlocked);
  }
}
