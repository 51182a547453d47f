import pg from 'pg';

/**
 * Every parameterised statement the app sends to PostgreSQL goes as a named prepared statement, so
 * each connection parses it once, and PostgreSQL may keep a generic plan for it instead of planning
 * it again on every call (decision 018: planning was half of the database's time per request — a
 * 1.4 ms bind for the offer read-back, 0.3 ms for a campaign with its business).
 *
 * The app's SQL is built by drizzle with every value as a parameter, so its distinct texts are few
 * (one per query shape). Bounds keep a surprise from growing without end (each prepared statement
 * holds some 50–200 KB in its backend): at most `MAX_NAMES` texts get a name in the process, a
 * connection prepares at most `MAX_PER_CONNECTION`, and a statement with more than `MAX_PARAMS`
 * values (a long `in (…)` list, a bulk insert: their texts vary with the count) is not named; past
 * a bound, a statement simply goes unnamed, as before. Statements without parameters (migrations,
 * `select 1`, DDL) stay unnamed. A name drizzle gives (`.prepare(name)`, db/prepared.ts) is replaced
 * by this one, so those statements count against the same bounds.
 */
const MAX_NAMES = 2000;
export const MAX_PER_CONNECTION = 200;
const MAX_PARAMS = 64;

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

/** The text of a statement that may get a name: a string, or a config object (named by drizzle or
 * not), with 1 to MAX_PARAMS values (in the config, or as the second argument, as drizzle passes them). */
function nameableText(config: unknown, values: unknown): string | undefined {
  const fits = (params: unknown) => Array.isArray(params) && params.length > 0 && params.length <= MAX_PARAMS;
  if (typeof config === 'string') return fits(values) ? config : undefined;
  if (typeof config !== 'object' || config === null) return undefined;
  const c = config as QueryConfig;
  const nameable = typeof c.text === 'string' && typeof c.submit !== 'function' && fits(values ?? c.values);
  return nameable ? (c.text as string) : undefined;
}

/** A config named elsewhere (drizzle) that is not to be named here: it goes unnamed. */
const isNamedConfig = (config: unknown): config is QueryConfig =>
  typeof config === 'object' &&
  config !== null &&
  (config as QueryConfig).name !== undefined &&
  typeof (config as QueryConfig).submit !== 'function';

/** A pg client that names the app's parameterised statements (see above). */
export class NamingClient extends pg.Client {
  // pg's query() has many overloads; this one only sets the name of the text and config forms.
  override query(config: unknown, ...rest: unknown[]): never {
    const text = nameableText(config, rest[0]);
    if (text !== undefined) {
      const name = nameFor(text);
      const parsed = (this as unknown as WithStatements).connection?.parsedStatements;
      const named =
        name !== undefined && (parsed?.[name] !== undefined || preparedCount(this) < MAX_PER_CONNECTION);
      if (typeof config === 'string') {
        if (named) config = { text: config, name };
      } else config = { ...(config as object), name: named ? name : undefined };
    } else if (isNamedConfig(config)) config = { ...config, name: undefined };
    return (super.query as (...args: unknown[]) => never)(config, ...rest);
  }
}
