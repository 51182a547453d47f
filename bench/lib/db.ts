import pg from 'pg';

/** The maintenance database URL next to `url` (same server, database `postgres`). */
function adminUrl(url: string): { admin: string; name: string } {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name in ${url}`);
  u.pathname = '/postgres';
  return { admin: u.toString(), name };
}

/** Drops and creates the bench database (fresh data each time the generator runs). */
export async function recreateDatabase(url: string): Promise<void> {
  const { admin, name } = adminUrl(url);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name} template template0 encoding 'UTF8'`);
  } finally {
    await client.end();
  }
}

/** True when the database exists on the server. */
export async function databaseExists(url: string): Promise<boolean> {
  const { admin, name } = adminUrl(url);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    const r = await client.query('select 1 from pg_database where datname = $1', [name]);
    return r.rowCount === 1;
  } finally {
    await client.end();
  }
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
