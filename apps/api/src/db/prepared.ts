import { type Placeholder, sql } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';

/** Drizzle queries built once per database handle (decision 018). Building the SQL of a wide select
 * costs the app 70–200 µs on every call — as much as running it — so the hottest reads (the session
 * behind every request, a campaign, an offer, each shape of discovery and of the offer lists) are
 * built once with `sql.placeholder`s and `.prepare(name)`d; a call only fills in its values. `name`
 * keys the cache here; on PostgreSQL the server-side name comes from NamingClient, within its bounds.
 * At most MAX_QUERIES are kept per handle; past that a query is built for each call, as before.
 *
 * Only for queries on the app's handle (`ctx.db`): a transaction is a handle of its own, made afresh
 * each time; `preparedIn` below does the same for a transaction's statements. */
const MAX_QUERIES = 500;
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
    if (queries.size < MAX_QUERIES) queries.set(name, query);
  }
  return query;
}

/** A value as a placeholder of the query being built, kept for its run. */
export type Param = (name: string, value: unknown) => Placeholder;

/** Collects a query's values while it is built with placeholders. The names used say its shape
 * (which filters, a cursor or not), so `shape()` keys the built query in `preparedOn`. */
export function placeholders() {
  const values: Record<string, unknown> = {};
  const p: Param = (name, value) => {
    values[name] = value;
    return sql.placeholder(name);
  };
  return { p, values, shape: (prefix: string) => `${prefix}:${Object.keys(values).join(',')}` };
}

/** drizzle's internals this leans on: a transaction keeps its session, the session its connection,
 * and a prepared query the connection it runs on, each in a plain property (drizzle is pinned;
 * prepared.test.ts fails if that changes). */
type Bound = { client?: unknown };
type WithSession = { session?: { client?: unknown } };
const builtForTx = new Map<unknown, Map<string, Bound>>();

/** A query of a transaction built once per driver (PostgreSQL or PGlite) and run on this
 * transaction's connection, as `preparedOn` does for the app's handle: the hottest writes (an offer
 * sent, each notification) build their statements on every call otherwise, which costs the app more
 * than the database's work (decision 018). `build` gets the first transaction, names its values with
 * `sql.placeholder`s and `.prepare(name)`s the query; each call answers a copy bound to `tx`. */
export function preparedIn<T extends object>(tx: Tx, name: string, build: (tx: Tx, name: string) => T): T {
  const session = (tx as unknown as WithSession).session;
  const client = session?.client;
  if (!session || client === undefined) throw new Error('preparedIn: a drizzle transaction has no session');
  let queries = builtForTx.get(session.constructor);
  if (!queries) {
    queries = new Map();
    builtForTx.set(session.constructor, queries);
  }
  let template = queries.get(name);
  if (template === undefined) {
    const query = build(tx, name) as T & Bound;
    if (!('client' in query)) throw new Error('preparedIn: a prepared query keeps no client');
    // Kept without the connection it was built on (released after this transaction).
    template = Object.assign(Object.create(Object.getPrototypeOf(query)), query, { client: undefined });
    if (queries.size < MAX_QUERIES) queries.set(name, template as Bound);
  }
  return Object.assign(Object.create(Object.getPrototypeOf(template)), template, { client }) as T;
}
