import { and, asc, eq, gt, gte, inArray, max, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from '../../db/client.ts';
import { liveEvents, sessions, users } from '../../db/schema.ts';
import { type EventListener, listenForEvents } from './listen.ts';
import { EVENTS_CHANNEL } from './publish.ts';

/** A live event as a stream sends it: the live_events id is the SSE `id:`. */
export interface LiveEvent {
  id: number;
  type: string;
  data: unknown;
}

/** One open stream of a signed-in user, as the hub sees it. */
export interface Subscriber {
  readonly userId: string;
  /** The session the stream was opened with: it ends when that session does. */
  readonly sessionId: string;
  deliver(event: LiveEvent): void;
  heartbeat(): void;
  /** Ends the stream: a newer stream of the same user took its place, the process is stopping, or
   * its session ended (sign-out, password change or reset, suspension, expiry). */
  close(reason: 'replaced' | 'shutdown' | 'signed_out'): void;
}

export interface EventHubOptions {
  /** A comment line to every stream this often, so proxies keep idle streams open (0 = never). */
  heartbeatMs: number;
  /** Open streams per user; the oldest is closed when one more opens. */
  maxStreamsPerUser: number;
  /** How often the sessions behind the open streams are checked (0 = never): a session that expired
   * ends its streams within this time, and so does one ended by another process whose notice was
   * lost. One query per process, whatever the number of streams. */
  sessionCheckMs: number;
}

export const defaultHubOptions: EventHubOptions = {
  heartbeatMs: 25_000,
  maxStreamsPerUser: 10,
  sessionCheckMs: 30_000,
};
/** Rows per catch-up query after a reconnect. */
const CATCH_UP_BATCH = 1000;
/** Ids dispatched lately, remembered so an event both caught up and NOTIFYed goes out once. */
const RECENT_IDS = 10_000;
/** Ids per fetch (one bind parameter each). */
const FETCH_BATCH = 1000;
/** A notice on the events channel that sessions ended (sign-out, password change, suspension):
 * `end:s:<session id>` or `end:u:<user id>`. Event payloads are ids only, so the prefix cannot clash. */
const ENDED_PREFIX = 'end:';
/** Event ids are taken at insert, not at commit, so a lower id can commit after a higher one: a
 * catch-up also looks back this far in time (its duplicates are dropped by `recent`). */
export const OUT_OF_ORDER_SLACK_MS = 30_000;
/** Wait before fetching again after a failed fetch (the ids stay pending). */
const RETRY_FETCH_MS = 1000;

/** Fans live events out to this process's open streams. One LISTEN per process (listen.ts); each
 * NOTIFY names live_events ids, fetched in ONE query (NOTIFYs arriving meanwhile are merged into the
 * next), then handed to the streams of each row's user — no query and no connection per stream. */
export class EventHub {
  private readonly streams = new Map<string, Set<Subscriber>>();
  private readonly pending = new Set<number>();
  /** The highest id fetched: a catch-up after a lost connection starts after it. */
  private highWater = 0;
  private readonly recent = new Set<number>();
  private pumping: Promise<void> | null = null;
  private catchingUp: Promise<void> | null = null;
  /** When the high-water mark last moved: a catch-up looks back from there. */
  private highWaterAt = Date.now();
  private retryTimer: NodeJS.Timeout | null = null;
  private listener: EventListener | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private sessionTimer: NodeJS.Timeout | null = null;
  private checkingSessions: Promise<void> | null = null;
  /** Checks of the streams a session-end notice concerns, awaited by `stop`. */
  private readonly noticeChecks = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly log: Pick<FastifyBaseLogger, 'warn' | 'info' | 'error'>,
    private readonly options: EventHubOptions = defaultHubOptions,
  ) {}

  /** Starts listening (after noting the newest event, where a catch-up would begin). */
  async start(database: Database): Promise<void> {
    const [row] = await this.db.select({ id: max(liveEvents.id) }).from(liveEvents);
    this.highWater = Number(row?.id ?? 0);
    this.listener = await listenForEvents(
      database,
      { onPayload: (payload) => this.onPayload(payload), onReconnect: () => this.catchUp() },
      this.log,
    );
    if (this.options.heartbeatMs > 0) {
      this.heartbeatTimer = setInterval(() => this.heartbeatAll(), this.options.heartbeatMs);
      this.heartbeatTimer.unref();
    }
    if (this.options.sessionCheckMs > 0) {
      this.sessionTimer = setInterval(() => {
        this.checkingSessions ??= this.checkSessions().finally(() => {
          this.checkingSessions = null;
        });
      }, this.options.sessionCheckMs);
      this.sessionTimer.unref();
    }
  }

  /** After the sessions' end committed: ends this process's streams of them at once, and tells the
   * other processes (a NOTIFY on the events channel) so theirs end within a round trip. */
  endSessions(sessionIds: Iterable<string>): void {
    const ended = new Set(sessionIds);
    this.closeWhere((s) => ended.has(s.sessionId));
    for (const id of ended) this.announceEnded(`s:${id}`);
  }

  /** Like `endSessions` for every session of a user but `exceptSessionId` (a password change), after
   * the change committed. */
  endUserSessions(userId: string, exceptSessionId?: string): void {
    const own = this.streams.get(userId);
    if (own) for (const s of [...own]) if (s.sessionId !== exceptSessionId) s.close('signed_out');
    this.announceEnded(`u:${userId}`);
  }

  /** The notice carries no verdict: a process holding a matching stream checks the sessions in the
   * database, so a forged or stale notice costs one query and ends nothing that is still valid.
   * Not awaited: a lost notice leaves the periodic check to end the streams. */
  private announceEnded(what: string) {
    if (this.stopped) return;
    this.db
      .execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${ENDED_PREFIX + what})`)
      .catch((err: unknown) => {
        this.log.warn({ err }, 'live events: session-end notice not sent; other processes check later');
      });
  }

  /** A notice from any process (this one too): checks at once the sessions of the streams here it may
   * concern — those of the user, or that one session — not every open stream's. Sent after the
   * change committed, so the check reads it. */
  private onEndedNotice(what: string) {
    if (this.stopped) return;
    const id = what.slice(2);
    const concerned = what.startsWith('u:')
      ? (s: Subscriber) => s.userId === id
      : (s: Subscriber) => s.sessionId === id;
    const check = this.checkSessions(concerned).finally(() => this.noticeChecks.delete(check));
    this.noticeChecks.add(check);
  }

  /** Ends the streams (those matching `which`, else all) whose session no longer signs anyone in:
   * deleted, expired, or its user no longer active. One query per FETCH_BATCH sessions, none when
   * no stream matches. */
  private async checkSessions(which?: (s: Subscriber) => boolean): Promise<void> {
    const open = new Set<string>();
    for (const own of this.streams.values())
      for (const s of own) if (!which || which(s)) open.add(s.sessionId);
    if (open.size === 0) return;
    const ids = [...open];
    const valid = new Set<string>();
    try {
      for (let i = 0; i < ids.length; i += FETCH_BATCH) {
        const rows = await this.db
          .select({ id: sessions.id })
          .from(sessions)
          .innerJoin(users, eq(users.id, sessions.userId))
          .where(
            and(
              inArray(sessions.id, ids.slice(i, i + FETCH_BATCH)),
              gt(sessions.expiresAt, new Date()),
              eq(users.status, 'active'),
            ),
          );
        for (const row of rows) valid.add(row.id);
      }
    } catch (err) {
      this.log.warn({ err }, 'live events: session check failed; streams kept until the next one');
      return;
    }
    this.closeWhere((s) => open.has(s.sessionId) && !valid.has(s.sessionId));
  }

  private closeWhere(match: (s: Subscriber) => boolean) {
    for (const own of [...this.streams.values()])
      for (const s of [...own]) if (match(s)) s.close('signed_out');
  }

  /** Registers an open stream; returns what unregisters it. A user's oldest stream is closed when
   * the new one passes the cap. */
  subscribe(subscriber: Subscriber): () => void {
    let own = this.streams.get(subscriber.userId);
    if (!own) {
      own = new Set();
      this.streams.set(subscriber.userId, own);
    }
    own.add(subscriber);
    while (own.size > this.options.maxStreamsPerUser) {
      const oldest = own.values().next().value;
      if (!oldest) break;
      own.delete(oldest);
      oldest.close('replaced');
    }
    return () => this.unsubscribe(subscriber);
  }

  /** Whether this process's LISTEN is connected (false before start, after stop, while reconnecting). */
  get listening(): boolean {
    return this.listener?.connected() ?? false;
  }

  /** How many streams are open in this process. */
  get streamCount(): number {
    let n = 0;
    for (const own of this.streams.values()) n += own.size;
    return n;
  }

  /** Ends every open stream (first step of a graceful shutdown: they would hold the server open). */
  closeStreams(): void {
    for (const own of [...this.streams.values()]) for (const s of [...own]) s.close('shutdown');
    this.streams.clear();
  }

  /** Ends every stream and stops listening. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    if (this.sessionTimer) clearInterval(this.sessionTimer);
    this.sessionTimer = null;
    await Promise.all([this.checkingSessions, ...this.noticeChecks]);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.closeStreams();
    await this.listener?.close();
    this.listener = null;
    await this.pumping;
    await this.catchingUp;
  }

  private unsubscribe(subscriber: Subscriber) {
    const own = this.streams.get(subscriber.userId);
    if (!own) return;
    own.delete(subscriber);
    if (own.size === 0) this.streams.delete(subscriber.userId);
  }

  private onPayload(payload: string) {
    if (payload.startsWith(ENDED_PREFIX)) return this.onEndedNotice(payload.slice(ENDED_PREFIX.length));
    for (const part of payload.split(',')) {
      const id = Number(part);
      if (Number.isSafeInteger(id) && id > 0) this.pending.add(id);
    }
    this.pump();
  }

  /** One fetch at a time; ids NOTIFYed while it runs are fetched together right after. A failed
   * fetch puts its ids back and tries again shortly, so a database blip delays events, never drops them. */
  private pump() {
    if (this.pumping || this.stopped || this.retryTimer) return;
    let failed = false;
    this.pumping = (async () => {
      while (this.pending.size > 0 && !this.stopped) {
        const ids = [...this.pending].slice(0, FETCH_BATCH);
        for (const id of ids) this.pending.delete(id);
        if (this.streams.size > 0) {
          try {
            const rows = await this.db
              .select()
              .from(liveEvents)
              .where(inArray(liveEvents.id, ids))
              .orderBy(asc(liveEvents.id));
            this.dispatch(rows);
          } catch (err) {
            for (const id of ids) this.pending.add(id);
            throw err;
          }
        }
        for (const id of ids) if (id > this.highWater) this.highWater = id;
        this.highWaterAt = Date.now();
      }
    })()
      .catch((err) => {
        failed = true;
        if (!this.stopped) this.log.error({ err }, 'live events: fetching events failed; retrying');
      })
      .finally(() => {
        this.pumping = null;
        if (this.stopped || this.pending.size === 0) return;
        if (!failed) return this.pump();
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.pump();
        }, RETRY_FETCH_MS);
        this.retryTimer.unref();
      });
  }

  /** After a lost LISTEN connection: every event after the high-water mark (and, for ids that
   * committed out of order, the last OUT_OF_ORDER_SLACK_MS before the loss) for the users with open
   * streams here, in order; `recent` drops what was already sent. */
  private catchUp() {
    const since = new Date(this.highWaterAt - OUT_OF_ORDER_SLACK_MS);
    let after = 0;
    const run = async () => {
      for (;;) {
        const users = [...this.streams.keys()].slice(0, FETCH_BATCH);
        if (users.length === 0 || this.stopped) return;
        const rows = await this.db
          .select()
          .from(liveEvents)
          .where(
            and(
              gt(liveEvents.id, after),
              or(gt(liveEvents.id, this.highWater), gte(liveEvents.createdAt, since)),
              inArray(liveEvents.userId, users),
            ),
          )
          .orderBy(asc(liveEvents.id))
          .limit(CATCH_UP_BATCH);
        this.dispatch(rows);
        const last = rows.at(-1);
        if (last) {
          after = last.id;
          if (last.id > this.highWater) this.highWater = last.id;
        }
        if (rows.length < CATCH_UP_BATCH) return;
      }
    };
    this.catchingUp = run()
      .catch((err) => {
        if (!this.stopped) this.log.error({ err }, 'live events: catching up failed');
      })
      .finally(() => {
        this.catchingUp = null;
      });
  }

  private dispatch(rows: readonly { id: number; userId: string; type: string; data: unknown }[]) {
    for (const row of rows) {
      if (this.recent.has(row.id)) continue;
      this.recent.add(row.id);
      if (this.recent.size > RECENT_IDS) this.recent.delete(this.recent.values().next().value as number);
      const own = this.streams.get(row.userId);
      if (!own) continue;
      const event: LiveEvent = { id: row.id, type: row.type, data: row.data };
      for (const subscriber of own) subscriber.deliver(event);
    }
  }

  private heartbeatAll() {
    for (const own of this.streams.values()) for (const s of own) s.heartbeat();
  }
}
