import type { ServerResponse } from 'node:http';
import type { LiveEvent, Subscriber } from '../../lib/events/hub.ts';

/** What a browser's EventSource waits before reconnecting, told at the start of every stream. */
export const RETRY_MS = 3000;
/** A stream pushed out by a newer one of the same user waits longer before trying again. */
const REPLACED_RETRY_MS = 30_000;
/** Bytes a slow client may leave unread before its stream is dropped (it reconnects and replays). */
const MAX_UNSENT_BYTES = 1 << 20;

/** One Server-Sent Events response. Until `goLive`, live events are held back (the replay of missed
 * events is being written); then the held ones not already replayed follow, so nothing between the
 * replay's query and the LISTEN is lost or sent twice. */
export class SseStream implements Subscriber {
  private held: LiveEvent[] | null = [];
  private readonly replayed = new Set<number>();
  private closed = false;

  constructor(
    readonly userId: string,
    readonly sessionId: string,
    private readonly res: ServerResponse,
    private readonly onClosed: () => void,
  ) {
    res.on('close', () => this.end());
    // The client may have gone while the session was being read: 'close' has fired already.
    if (res.destroyed || res.socket?.destroyed) this.end();
  }

  /** The status line, headers and the reconnect delay. */
  open(headers: Record<string, string | string[] | number>) {
    this.res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      // The socket ends with the stream (a reconnect opens a new one): nothing lingers as an idle
      // keep-alive connection that would hold a closing server open.
      connection: 'close',
    });
    this.write(`retry: ${RETRY_MS}\n\n`);
  }

  get isClosed() {
    return this.closed;
  }

  /** Writes missed events (already in id order) ahead of anything live. */
  replay(events: readonly LiveEvent[]) {
    for (const event of events) {
      this.replayed.add(event.id);
      this.write(format(event));
    }
  }

  /** Ends the replay: the events held meanwhile follow, minus those the replay already sent. */
  goLive() {
    const held = this.held ?? [];
    this.held = null;
    for (const event of held) if (!this.replayed.has(event.id)) this.write(format(event));
    this.replayed.clear();
  }

  deliver(event: LiveEvent) {
    if (this.closed) return;
    if (this.held) this.held.push(event);
    else this.write(format(event));
  }

  heartbeat() {
    this.write(': ping\n\n');
  }

  /** Ends the response, with a reconnect hint first. A stream whose session ended (sign-out,
   * password change, reset, suspension, expiry) says so first in a `signed_out` event without an id,
   * so the page re-checks its session at once instead of at its next reconnect. */
  close(reason: 'replaced' | 'shutdown' | 'replay_cut' | 'signed_out', retryMs?: number) {
    if (this.closed) return;
    if (reason === 'signed_out') this.write('event: signed_out\ndata: {}\n\n');
    this.write(`retry: ${retryMs ?? retryAfter(reason)}\n\n`);
    this.end();
  }

  /** Ends the response; a client that does not read what is left within a second is cut off, so
   * neither its buffer nor a closing server waits on it. */
  private end(opts: { now?: boolean } = {}) {
    if (this.closed) return;
    this.closed = true;
    this.held = null;
    if (opts.now) this.res.destroy();
    else if (!this.res.writableEnded) {
      this.res.end();
      if (this.res.writableLength > 0) setTimeout(() => this.res.destroy(), 1000).unref();
    }
    this.onClosed();
  }

  private write(chunk: string) {
    if (this.closed || this.res.writableEnded) return;
    this.res.write(chunk);
    // A client this far behind is not reading: drop it now (it reconnects and replays).
    if (this.res.writableLength > MAX_UNSENT_BYTES) this.end({ now: true });
  }
}

const jitter = () => Math.floor(Math.random() * 1500);

/** How long a closed stream's browser waits before it tries again: pushed out by a newer stream or
 * signed out — long (a retry is pointless soon); the server stopping — half a second or so, spread
 * so that the streams do not all return at once; a replay cut short — at once. */
function retryAfter(reason: 'replaced' | 'shutdown' | 'replay_cut' | 'signed_out'): number {
  if (reason === 'shutdown') return 500 + jitter();
  return reason === 'replay_cut' ? 0 : REPLACED_RETRY_MS;
}

/** `id`, `event` and one `data` line of JSON (JSON.stringify never writes a newline). */
function format(event: LiveEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}
