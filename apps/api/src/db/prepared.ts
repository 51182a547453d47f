import type { Db } from './client.ts';

/** Drizzle queries built once per database handle (decision 018). Building the SQL of a wide select
 * costs the app 70–200 µs on every call — as much as running it — so the hottest fixed-shape reads
 * (the session behind every request, an offer read back after a write) are built once with
 * `sql.placeholder`s and `.prepare(name)`d; a call only fills in its values. On PostgreSQL the name is
 * also the server's prepared statement name, so it must be unique to one query text.
 *
 * Only for queries on the app's handle (`ctx.db`): a transaction is a handle of its own, made afresh
 * each time, so its statements go the usual way (named by `NamingClient` all the same). */
const built = new WeakMap<Db, Map<string, unknown>>();

export function preparedOn<T>(db: Db, name: string, build: (db: Db, name: string) => T): T {
  let queries = built.get(db);
  if (!queries) {
    queries = new Map();
    built.set(db, queries);
  }
  let query = queries.get(name) as T | undefined;
  if (query === undefined) {
    query = build(db, name);
    queries.set(name, query);
  }
  return query;
}
