import { sql } from 'drizzle-orm';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.ts';
import { LanePool } from '../db/lanes.ts';
import { outbox } from '../db/schema.ts';
import type { EventHub } from './events/hub.ts';

/** The route label of a request that matched no route (404s, scanners): one value, so a scan of
 * random paths cannot grow the number of series. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Latency buckets in seconds: most answers take milliseconds; uploads and slow queries seconds. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A scrape never waits longer than this on the database (it may be away: the scrape still answers). */
const QUERY_TIMEOUT_MS = 2000;

export interface MetricsSources {
  database: Database;
  hub: EventHub;
}

export interface AppMetrics {
  /** This app's own registry: tests build many apps in one process, each must count only its own. */
  registry: Registry;
  /** Counts one finished request. */
  observeRequest(labels: { method: string; route: string; status: number }, seconds: number | null): void;
}

/** The app's metrics: HTTP counts and latencies (observed as requests finish), and gauges read at
 * scrape time — the database pool, the e-mail outbox, live-event streams and the LISTEN — plus the
 * process metrics prom-client collects (CPU, memory, event-loop lag, GC, handles). */
export function createMetrics({ database, hub }: MetricsSources): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'bextr_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'bextr_http_request_duration_seconds',
    help: 'Time from the request arriving to its answer being sent (live event streams are not timed).',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });

  /** A gauge read at scrape time: one value, or one per `state` label; null leaves no sample. */
  type Reading = number | Record<string, number> | null;
  const gauge = (name: string, help: string, read: () => Reading | Promise<Reading>) =>
    new Gauge({
      name,
      help,
      labelNames: ['state'] as const,
      registers,
      async collect() {
        this.reset();
        const value = await read();
        if (typeof value === 'number') this.set(value);
        else if (value) for (const [state, n] of Object.entries(value)) this.set({ state }, n);
      },
    });

  const pool = database.pool;
  if (pool) {
    gauge(
      'bextr_db_pool_connections',
      'PostgreSQL connections in the pool: all open ones, and those idle.',
      () => ({
        total: pool.totalCount,
        idle: pool.idleCount,
      }),
    );
    gauge(
      'bextr_db_pool_waiting_requests',
      'Queries waiting for a free pool connection (all connections busy).',
      () => pool.waitingCount,
    );
    if (pool instanceof LanePool)
      gauge(
        'bextr_db_lanes',
        'The shared connections that carry statements sent outside a transaction: ready = lanes ' +
          'connected; in_flight = statements sent on them and not answered yet.',
        () => ({ ready: pool.readyLanes, in_flight: pool.inFlight }),
      );
  }
  gauge(
    'bextr_outbox_jobs',
    'E-mails waiting in the outbox: pending = not sent yet; retrying = pending after at least one ' +
      'failed attempt. No sample when the database did not answer.',
    () => outboxDepth(database).catch(() => null),
  );
  gauge(
    'bextr_sse_streams_open',
    'Live event streams (GET /api/v1/events) open in this process.',
    () => hub.streamCount,
  );
  gauge(
    'bextr_live_events_listener_connected',
    "1 while this process's LISTEN for live events is connected, else 0 (events do not reach its streams).",
    () => (hub.listening ? 1 : 0),
  );

  return {
    registry,
    observeRequest(labels, seconds) {
      const values = { method: labels.method, route: labels.route, status: String(labels.status) };
      requests.inc(values);
      if (seconds !== null) duration.observe(values, seconds);
    },
  };
}

/** One query over the partial index of pending rows (never a scan of the sent ones). The database
 * itself cancels it after QUERY_TIMEOUT_MS (a statement timeout for this short transaction only), so
 * a database that hangs — a lock on the outbox, an overloaded server — gets its connection back at
 * each scrape instead of one more pool connection waiting per scrape. */
async function outboxDepth(database: Database): Promise<{ pending: number; retrying: number }> {
  const query = database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local statement_timeout = ${QUERY_TIMEOUT_MS}`));
    return (
      tx
        .select({
          pending: sql<number>`count(*)::int`,
          retrying: sql<number>`(count(*) filter (where ${outbox.attempts} > 0))::int`,
        })
        .from(outbox)
        // A literal, as in the partial index's predicate, so the planner always picks that index.
        .where(sql`${outbox.status} = 'pending'`)
    );
  });
  // Still a bound on the scrape when no connection can be had at all (the pool waits up to 5 s).
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('outbox depth query timed out')), QUERY_TIMEOUT_MS).unref(),
  );
  const [row] = await Promise.race([query, timeout]);
  return { pending: Number(row?.pending ?? 0), retrying: Number(row?.retrying ?? 0) };
}
