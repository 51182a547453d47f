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
type WithStatements = {
  connection?: {
    parsedStatements?: Record<string, string>;
    /** Sent but not yet acknowledged (pipelining). */
    submittedNamedStatements?: Record<string, string>;
  };
};

const statementsOf = (client: pg.Client) => (client as unknown as WithStatements).connection;

function preparedCount(client: pg.Client): number {
  const connection = statementsOf(client);
  const parsed = connection?.parsedStatements;
  if (!parsed) return MAX_PER_CONNECTION;
  return Object.keys(parsed).length + Object.keys(connection.submittedNamedStatements ?? {}).length;
}

/** Whether the connection has the statement already: parsed, or on its way (pipelining). */
function hasStatement(client: pg.Client, name: string): boolean {
  const connection = statementsOf(client);
  return (
    connection?.parsedStatements?.[name] !== undefined ||
    connection?.submittedNamedStatements?.[name] !== undefined
  );
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

/** pg's connection and its socket (not public API: read defensively). */
type WithStream = { connection?: { stream?: { cork?: () => void; uncork?: () => void } } };

/** The real setImmediate, taken at load: a test that fakes the timers (vitest's fake timers fake
 * setImmediate too) must not hold a connection's writes until it advances them. */
const uncorkSoon = setImmediate;

/** A plain `begin` (drizzle's, without options) in the promise form drizzle uses. */
const isPlainBegin = (config: unknown, rest: unknown[]) =>
  typeof config === 'object' &&
  config !== null &&
  (config as QueryConfig).text === 'begin' &&
  typeof (config as QueryConfig).submit !== 'function' &&
  (config as { callback?: unknown }).callback === undefined &&
  (rest[0] === undefined || (Array.isArray(rest[0]) && rest[0].length === 0)) &&
  rest[1] === undefined;

/** What pg answers for a `begin`. */
const begun = () => ({ command: 'BEGIN', rowCount: null, oid: 0, rows: [], fields: [] });

/**
 * A pg client that names the app's parameterised statements (see above) and, pipelining (the pool
 * sets `pipeline`: db/client.ts), saves round trips (decision 018):
 * - a transaction's statements issued in one go (`together`: db/together.ts) are written to the
 *   socket together: one write and one wake-up of the server instead of one per statement (a loopback
 *   write costs the app some 45 µs of CPU); a statement outside a transaction is written at once;
 * - a transaction's `begin` is answered at once and written with the transaction's first statement,
 *   whose answer then waits for the begin's: had the begin failed, that statement fails with the
 *   begin's error and the transaction rolls back. (A plain `begin` fails only with its connection,
 *   which the statement behind it shares.)
 */
export class NamingClient extends pg.Client {
  private corked = false;
  private heldBegin: { config: unknown; rest: unknown[] } | null = null;

  /** Holds the socket's writes until the code running now has issued all it issues in one go. */
  private corkUntilIdle() {
    this.holdWrites(queueMicrotask);
  }

  /** Holds the socket's writes until the event loop has run this turn's I/O callbacks (setImmediate
   * runs after them): a shared connection's statements from every request handled in the turn go out
   * in one write (db/lanes.ts). A statement waits for the rest of the turn's callbacks, not for new
   * I/O: with an immediate pending, the event loop does not block. */
  corkUntilTurnEnds() {
    this.holdWrites(uncorkSoon);
  }

  /** Corks the socket (pipelining only) until `release` calls back; already corked, nothing to do. */
  private holdWrites(release: (uncork: () => void) => void) {
    const stream = (this as unknown as WithStream).connection?.stream;
    if (this.corked || !this.pipeline || !stream?.cork || !stream.uncork) return;
    this.corked = true;
    stream.cork();
    release(() => {
      this.corked = false;
      stream.uncork?.();
    });
  }

  // pg's query() has many overloads; this one only sets the name of the text and config forms.
  override query(config: unknown, ...rest: unknown[]): never {
    if (this.pipeline && this.heldBegin === null && isPlainBegin(config, rest)) {
      this.heldBegin = { config, rest };
      return Promise.resolve(begun()) as never;
    }
    // Only a transaction's statements wait for the rest of the batch: one on its own (the session
    // lookup of a request, say) is written at once.
    if (this.heldBegin !== null || this.getTransactionStatus() === 'T') this.corkUntilIdle();
    const held = this.heldBegin;
    this.heldBegin = null;
    if (!held) return this.send(config, rest);
    const beginning = this.send(held.config, held.rest) as unknown as Promise<unknown>;
    let answer: unknown;
    try {
      answer = this.send(config, rest);
    } catch (error) {
      // pg refuses some calls before sending anything (no query given): the begin is on its way.
      beginning.catch(() => {});
      throw error;
    }
    if (!(answer instanceof Promise)) {
      // A callback or a submittable answers no promise to wait on: the begin's error, if any, shows
      // in what follows it on this connection.
      beginning.catch(() => {});
      return answer as never;
    }
    return Promise.all([beginning, answer]).then(([, result]) => result) as never;
  }

  /** pg's query, with the name of a parameterised statement set. */
  private send(config: unknown, rest: unknown[]): never {
    const text = nameableText(config, rest[0]);
    if (text !== undefined) {
      const name = nameFor(text);
      const named =
        name !== undefined && (hasStatement(this, name) || preparedCount(this) < MAX_PER_CONNECTION);
      if (typeof config === 'string') {
        if (named) config = { text: config, name };
      } else config = { ...(config as object), name: named ? name : undefined };
    } else if (isNamedConfig(config)) config = { ...config, name: undefined };
    return (super.query as (...args: unknown[]) => never)(config, ...rest);
  }
}
