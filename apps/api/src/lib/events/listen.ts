import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { Database } from '../../db/client.ts';
import { EVENTS_CHANNEL } from './publish.ts';

/** A LISTEN on the events channel: payloads as they arrive, and a call after each reconnect (so the
 * hub can catch up on what was NOTIFYed while the connection was down). */
export interface EventListener {
  /** Whether the LISTEN is up now (a metric: events reach this process's streams only while it is). */
  connected(): boolean;
  close(): Promise<void>;
}
export interface ListenHandlers {
  onPayload(payload: string): void;
  onReconnect(): void;
}

const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 15_000;

/** PGlite is one connection in this process: its listen() hears the NOTIFYs of committed
 * transactions. Its unsubscribe rejects once the database is closed; that is harmless. */
async function listenPglite(database: Database, handlers: ListenHandlers): Promise<EventListener> {
  const pglite = database.pglite;
  if (!pglite) throw new Error('not a PGlite database');
  const unsubscribe = await pglite.listen(EVENTS_CHANNEL, handlers.onPayload);
  return {
    connected: () => !pglite.closed,
    async close() {
      await unsubscribe().catch(() => {});
    },
  };
}

/** On PostgreSQL, a dedicated client (never one of the pool's: a pooled connection would drop the
 * LISTEN when handed back). After an error or a lost connection it reconnects with a growing
 * backoff and then tells the hub to catch up. */
async function listenPostgres(
  database: Database,
  handlers: ListenHandlers,
  log: Pick<FastifyBaseLogger, 'warn' | 'info'>,
): Promise<EventListener> {
  const pool = database.pool;
  if (!pool) throw new Error('not a PostgreSQL database');
  let client: pg.Client | null = null;
  let stopped = false;
  let backoff = MIN_BACKOFF_MS;
  let timer: NodeJS.Timeout | null = null;
  /** Whether a connection was lost (or never made): the next one that works must catch up. */
  let missed = false;

  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, backoff);
    timer.unref();
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };

  const connect = async () => {
    const next = new pg.Client({
      ...pool.options,
      // One LISTEN and its notices: nothing to pipeline.
      pipeline: false,
      keepAlive: true,
      // A connection dropped without a FIN/RST is noticed in seconds, not after the OS's two hours.
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 5000,
    });
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      if (client === next) client = null;
      next.end().catch(() => {});
      missed = true;
      if (!stopped) {
        log.warn({ err }, 'live events: LISTEN connection lost; reconnecting');
        schedule();
      }
    };
    next.on('error', fail);
    next.on('end', () => fail(new Error('connection ended')));
    next.on('notification', (msg) => {
      if (msg.channel === EVENTS_CHANNEL && msg.payload) handlers.onPayload(msg.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (err) {
      fail(err);
      return;
    }
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    backoff = MIN_BACKOFF_MS;
    if (missed) {
      missed = false;
      log.info('live events: LISTEN connection restored');
      handlers.onReconnect();
    }
  };

  // The first attempt is awaited, so events committed after boot are heard; if it fails, boot goes on
  // and the retries (then a catch-up) run in the background.
  await connect();
  return {
    connected: () => client !== null,
    async close() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}

/** Starts the one LISTEN of this process on the app's database. */
export async function listenForEvents(
  database: Database,
  handlers: ListenHandlers,
  log: Pick<FastifyBaseLogger, 'warn' | 'info'>,
): Promise<EventListener> {
  return database.kind === 'pglite'
    ? listenPglite(database, handlers)
    : listenPostgres(database, handlers, log);
}
