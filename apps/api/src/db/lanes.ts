import pg from 'pg';
import { NamingClient } from './named-statements.ts';

/** How many shared connections carry the statements sent outside a transaction. */
export const LANES = 2;
/** A lane takes no more statements while its oldest one in flight has run this long: what follows
 * would wait behind it (a report, a sweep), so it takes a connection of its own instead. */
export const LANE_PATIENCE_MS = 20;
/** Nor while this many are in flight on it (each waits for those ahead of it). */
export const LANE_DEPTH = 16;
/** After a lane fails to connect, it is tried again this much later (its statements take pool
 * connections meanwhile, which report the outage). */
const RETRY_MS = 1000;
/** A statement on a lane is stopped by the server after this long, so that the statements behind it
 * (up to LANE_DEPTH) cannot wait without end: a lock wait, a runaway read. */
export const LANE_STATEMENT_TIMEOUT_MS = 30_000;
/** Errors after which a connection's prepared statements are not what pg believes: a statement
 * deallocated after a failed bind (26000), a plan whose result type changed under it (0A000). The
 * lane is dropped and made again, as a pool connection would be recycled. */
const STALE_STATEMENT = new Set(['26000', '0A000']);

/** Statements that change a connection's session (a transaction, a setting, a lock held past the
 * statement, a LISTEN) must not ride a shared connection. The app sends none outside a checked-out
 * connection; this keeps one sent by mistake from reaching the other requests on a lane. */
const SESSION_STATEMENT =
  /^\s*(begin|start|commit|end|rollback|abort|savepoint|release|set|reset|listen|unlisten|lock|discard|prepare|deallocate|declare|close|fetch|move)\b/i;

interface Lane {
  client: NamingClient;
  ready: boolean;
  /** When each statement in flight was sent, oldest first: PostgreSQL answers a connection's
   * statements in the order they were sent. */
  sent: number[];
}

type Callback = (...args: unknown[]) => void;

/**
 * The app's pool (decision 018, ninth pass). A statement sent outside a transaction (the session
 * lookup of every signed-in request, a discovery search, a list) goes on one of a few shared
 * connections, pipelined: many requests' statements are in flight on one connection at once, and
 * the server runs them one after another on one backend. A transaction still takes a connection of
 * its own from the pool (`connect()`), as do statements while every lane is busy with a slow one.
 *
 * Why: on a small host the backends and the app share the cores, and ten backends each woken for
 * one statement cost the server more per statement than two kept busy (pgbench, the discovery
 * search: 2,380 statements a second on 2 connections, 1,960 on 10, 1,430 on 32). Discovery served
 * a median 46% more requests a second with two lanes than with a connection per statement (bench/RESULTS.md #46).
 *
 * A lane that is not connected carries nothing: its statements take pool connections while it
 * connects, and a lane whose connection fails is dropped (its statements in flight fail, as on any
 * connection lost) and made again on a later statement. So an outage behaves as it did without
 * lanes: each statement fails within the pool's connection timeout. A lane's statements are stopped
 * by the server after LANE_STATEMENT_TIMEOUT_MS and its socket has TCP keep-alive, so nothing queued
 * on it waits without end.
 */
export class LanePool extends pg.Pool {
  private readonly lanes: (Lane | null)[] = Array.from({ length: LANES }, () => null);
  private readonly retryAt: number[] = Array.from({ length: LANES }, () => 0);
  private closing = false;
  /** LANE_PATIENCE_MS; a test may lengthen it, so that a slow machine's pause while it sends a burst
   * does not send part of the burst to pool connections. */
  patienceMs = LANE_PATIENCE_MS;

  constructor(private readonly clientConfig: pg.PoolConfig) {
    super(clientConfig);
  }

  /** How many lanes are connected and carry statements. */
  get readyLanes(): number {
    return this.lanes.filter((lane) => lane?.ready).length;
  }

  /** How many statements are on the lanes, sent and not yet answered. */
  get inFlight(): number {
    return this.lanes.reduce((n, lane) => n + (lane?.sent.length ?? 0), 0);
  }

  // pg's query() has many overloads; the promise form with a text or config (what drizzle and the
  // app use) may ride a lane, the rest take a pool connection as before.
  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const text =
      typeof config === 'string'
        ? config
        : typeof config === 'object' &&
            config !== null &&
            typeof (config as { submit?: unknown }).submit !== 'function' &&
            typeof (config as { callback?: unknown }).callback !== 'function'
          ? (config as { text?: unknown }).text
          : undefined;
    const plain =
      typeof values !== 'function' &&
      typeof callback !== 'function' &&
      typeof text === 'string' &&
      !SESSION_STATEMENT.test(text);
    const lane = plain ? this.pickLane() : null;
    const send = super.query as (...args: unknown[]) => never;
    if (!lane) return send.call(this, config, values, callback as Callback);
    // The statements of every request handled in this turn go out in one write and wake the backend
    // once (pg writes each as soon as it is queued): socket writes were an eighth of the app's thread
    // under discovery's load; discovery, the offer inbox and the thread page served 5–13% more
    // requests a second with this (decision 018, tenth pass).
    lane.client.corkUntilTurnEnds();
    const answer = (lane.client.query as (...args: unknown[]) => Promise<unknown>).call(
      lane.client,
      config,
      values,
    );
    lane.sent.push(performance.now());
    answer.then(
      () => {
        lane.sent.shift();
      },
      (error: unknown) => {
        lane.sent.shift();
        if (STALE_STATEMENT.has((error as { code?: string }).code ?? '')) this.dropLane(lane);
      },
    );
    return answer as never;
  }

  override async end(): Promise<void> {
    this.closing = true;
    const ending = this.lanes.map((lane) => lane?.client.end().catch(() => {}));
    this.lanes.fill(null);
    await Promise.all([...ending, super.end()]);
  }

  /** The ready lane with the fewest statements in flight, of two with as many the one whose oldest
   * was sent last (so that in a slow statement's first moments new ones prefer the other lane);
   * none while each ready lane is busy with a slow statement or deep. Makes the missing lanes (they
   * carry statements once connected). */
  private pickLane(): Lane | null {
    if (this.closing) return null;
    const now = performance.now();
    let best: Lane | null = null;
    for (let i = 0; i < this.lanes.length; i++) {
      const lane = this.lanes[i] ?? (now >= (this.retryAt[i] ?? 0) ? this.openLane(i) : null);
      if (!lane?.ready || lane.sent.length >= LANE_DEPTH) continue;
      const oldest = lane.sent[0];
      if (oldest !== undefined && now - oldest > this.patienceMs) continue;
      if (
        !best ||
        lane.sent.length < best.sent.length ||
        (lane.sent.length === best.sent.length && (oldest ?? 0) > (best.sent[0] ?? 0))
      )
        best = lane;
    }
    return best;
  }

  /** Takes a lane out of service (lost, failed to connect, stale statements) and closes its client,
   * once its statements in flight are answered. */
  private dropLane(lane: Lane) {
    lane.ready = false;
    const i = this.lanes.indexOf(lane);
    if (i >= 0) this.lanes[i] = null;
    lane.client.end().catch(() => {});
  }

  private openLane(i: number): Lane {
    // TCP keep-alive: a peer gone without a word (a failover, a dropped route) ends the connection
    // instead of holding its statements for the kernel's retransmission timeout.
    const client = new NamingClient({
      ...(this.clientConfig as pg.ClientConfig),
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      options: `${this.clientConfig.options ?? ''} -c statement_timeout=${LANE_STATEMENT_TIMEOUT_MS}`.trim(),
    });
    const lane: Lane = { client, ready: false, sent: [] };
    this.lanes[i] = lane;
    // A lost connection fails the statements in flight on it (pg answers each with the error) and
    // is made again on a later statement.
    client.on('error', () => this.dropLane(lane));
    client.on('end', () => this.dropLane(lane));
    client.connect().then(
      () => {
        if (this.lanes[i] === lane && !this.closing) lane.ready = true;
        else client.end().catch(() => {});
      },
      () => {
        this.dropLane(lane);
        this.retryAt[i] = performance.now() + RETRY_MS;
      },
    );
    return lane;
  }
}
