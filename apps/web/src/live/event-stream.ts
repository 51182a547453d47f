import {
  type LiveEventData,
  type LiveEventType,
  liveEventDataSchemas,
  liveEventTypes,
} from '@bextr/contracts';
import { API_BASE } from '../api/client.ts';

/** Where the stream stands: `connecting` before the first open, `open`, and `reconnecting` after a
 * drop until it is open again. */
export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

export type LiveEvent = { [T in LiveEventType]: { type: T; data: LiveEventData<T> } }[LiveEventType];

/** How an event stands against those before it: `late` when an event with a higher id was already
 * received (a replay after a reconnect also sends the events of the moments before the last id,
 * since ids are taken at insert, not commit, and a lower one may commit later). */
export interface LiveEventMeta {
  late: boolean;
}

interface Handlers {
  onEvent: (event: LiveEvent, meta: LiveEventMeta) => void;
  onStatus: (status: LiveStatus) => void;
  /** The stream listens: first (`first`: what loaded before it may have missed an event), or again
   * after a drop (events missed while down are replayed from the last id, but only when one was
   * received), so the caller refetches what may have moved meanwhile. */
  onReconnected: (info: { first: boolean }) => void;
  /** The server refused or ended the stream for good (e.g. 401: the session ended meanwhile). */
  onRefused?: () => void;
  /** The user this page shows: the server refuses the stream (401) when the browser's cookie now
   * signs in someone else, so events of one account never reach a page showing another. */
  userId: string;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
/** How many recent event ids are remembered to drop the ones a replay sends again. */
const SEEN_IDS = 2_000;
const EVENT_ID = /^\d{1,20}$/;

/** Opens GET /events as an EventSource and keeps it open: the browser reconnects by itself after a
 * dropped connection (sending Last-Event-ID); when the stream is closed for good (the server answered
 * an error) a fresh EventSource is opened with backoff, passing the last id as `?lastEventId=`, since
 * a new EventSource cannot set the header. An event already received (a replay repeats some) is
 * dropped; the id passed on is the highest one received. Returns the function that closes it. */
export function openEventStream({
  onEvent,
  onStatus,
  onReconnected,
  onRefused,
  userId,
}: Handlers): () => void {
  let source: EventSource | null = null;
  /** The highest id received (as text: ids may pass Number.MAX_SAFE_INTEGER). */
  let lastEventId = '';
  let highest: bigint | null = null;
  const seen = new Set<string>();
  let retryMs = FIRST_RETRY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dropped = false;
  let opened = false;
  let stopped = false;

  const listen = (es: EventSource, type: LiveEventType) => {
    es.addEventListener(type, (raw: MessageEvent<string>) => {
      const id = EVENT_ID.test(raw.lastEventId) ? raw.lastEventId : null;
      let late = false;
      if (id !== null) {
        if (seen.has(id)) return;
        seen.add(id);
        // A Set iterates in insertion order: the first one is the oldest remembered.
        if (seen.size > SEEN_IDS) seen.delete(seen.values().next().value as string);
        const value = BigInt(id);
        if (highest !== null && value < highest) late = true;
        else {
          highest = value;
          lastEventId = id;
        }
      }
      let json: unknown;
      try {
        json = JSON.parse(raw.data);
      } catch {
        return;
      }
      const parsed = liveEventDataSchemas[type].safeParse(json);
      if (!parsed.success) return;
      onEvent({ type, data: parsed.data } as LiveEvent, { late });
    });
  };

  const connect = () => {
    if (stopped) return;
    const query = new URLSearchParams({ as: userId });
    if (lastEventId) query.set('lastEventId', lastEventId);
    const url = `${API_BASE}/events?${query.toString()}`;
    const es = new EventSource(url);
    source = es;
    for (const type of liveEventTypes) listen(es, type);
    // The server ended this stream because its session ended (signed out elsewhere, suspended, …):
    // re-check the session now rather than at the next reconnect.
    es.addEventListener('signed_out', () => onRefused?.());
    es.onopen = () => {
      retryMs = FIRST_RETRY_MS;
      onStatus('open');
      if (dropped || !opened) onReconnected({ first: !opened });
      opened = true;
      dropped = false;
    };
    es.onerror = () => {
      if (stopped) return;
      dropped = true;
      onStatus('reconnecting');
      // CONNECTING: the browser is retrying by itself. CLOSED: it gave up; open a fresh one later.
      if (es.readyState !== EventSource.CLOSED) return;
      es.close();
      source = null;
      onRefused?.();
      const wait = retryMs + Math.random() * retryMs * 0.3;
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      timer = setTimeout(connect, wait);
    };
  };

  onStatus('connecting');
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
