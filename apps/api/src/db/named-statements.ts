import pg from 'pg';

/**
 * Every parameterised statement the app sends to PostgreSQL goes as a named prepared statement, so
 * each connection parses it once, and PostgreSQL may keep a generic plan for it instead of planning
 * it again on every call (decision 018: planning was half of the database's time per request — a
 * 1.4 ms bind for the offer read-back, 0.3 ms for a campaign with its business).
 *
 * The app's SQL is built by drizzle with every value as a parameter, so its distinct texts are few
 * (one per query shape). Two bounds keep a surprise from growing without end: at most
 * `MAX_NAMES` texts get a name in the process, and a connection prepares at most
 * `MAX_PER_CONNECTION`; past either, a statement simply goes unnamed, as before. Statements without
 * parameters (migrations, `select 1`, DDL) stay unnamed.
 */
const MAX_NAMES = 2000;
export const MAX_PER_CONNECTION = 400;

const names = new Map<string, string>();

function nameFor(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined) return known;
  if (names.size >= MAX_NAMES) return undefined;
  const name = `bx${names.size + 1}`;
  names.set(text, name);
  return name;
}

/** pg's connection keeps the statements it has parsed (not public API: read defensively). */
type WithStatements = { connection?: { parsedStatements?: Record<string, string> } };

function preparedCount(client: pg.Client): number {
  const parsed = (client as unknown as WithStatements).connection?.parsedStatements;
  return parsed ? Object.keys(parsed).length : MAX_PER_CONNECTION;
}

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown; submit?: unknown };

/** The text of a statement that may get a name: a string, or a config object without a name of its
 * own, with at least one value (in the config, or as the second argument, as drizzle passes them). */
function nameableText(config: unknown, values: unknown): string | undefined {
  if (typeof config === 'string') return Array.isArray(values) && values.length > 0 ? config : undefined;
  if (typeof config !== 'object' || config === null) return undefined;
  const c = config as QueryConfig;
  const params = values ?? c.values;
  const nameable =
    typeof c.text === 'string' &&
    c.name === undefined &&
    typeof c.submit !== 'function' &&
    Array.isArray(params) &&
    params.length > 0;
  return nameable ? (c.text as string) : undefined;
}

/** A pg client that names the app's parameterised statements (see above). */
export class NamingClient extends pg.Client {
  // pg's query() has many overloads; this one only adds a name to the config form drizzle uses.
  override query(config: unknown, ...rest: unknown[]): never {
    const text = nameableText(config, rest[0]);
    const name = text === undefined ? undefined : nameFor(text);
    if (name !== undefined) {
      const parsed = (this as unknown as WithStatements).connection?.parsedStatements;
      if (parsed?.[name] !== undefined || preparedCount(this) < MAX_PER_CONNECTION)
        config = typeof config === 'string' ? { text: config, name } : { ...(config as object), name };
    }
    return (super.query as (...args: unknown[]) => never)(config, ...rest);
  }
}
