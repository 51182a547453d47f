import type { SessionUser } from './sessions.ts';

/** What a session lookup found for a signed-in session (never a pending sign-in: those are not kept). */
export interface CachedSession {
  sessionId: string;
  user: SessionUser;
  expiresAt: Date;
}

export interface SessionCacheOptions {
  /** How long an entry answers at most, even if a change's notice never arrives (a LISTEN connection
   * that died without the process noticing yet). */
  ttlMs: number;
  /** Entries kept at most; the oldest goes first. */
  maxEntries: number;
  /** Whether notices can arrive now (this process's LISTEN is up): nothing is kept or answered
   * while they cannot. */
  enabled: () => boolean;
}

export const defaultSessionCacheOptions = { ttlMs: 5000, maxEntries: 10_000 };

interface Entry extends CachedSession {
  storedAt: number;
}

/** This process's memory of the session lookups behind reads (GET and HEAD), so a page's requests do
 * not each pay a database round trip to learn who is asking (decision 019).
 *
 * It is never wrong for longer than a notice takes: every change to a user row or a session row —
 * whoever makes it, in whichever process — sends `auth:<user id>` on commit (migration 0014's
 * triggers), and each process forgets that user's entries when it arrives. While this process's LISTEN
 * is down, the cache is off. A write request forgets everything before its answer leaves
 * (http/session.ts), so what one client does is seen by its next request to this process. */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Moves on every forget: a lookup that started before one does not store what it read. */
  private generation = 0;

  constructor(private readonly options: SessionCacheOptions) {}

  /** The live entry for a session id, or undefined. */
  get(sessionId: string, now = Date.now()): CachedSession | undefined {
    if (!this.options.enabled()) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (now - entry.storedAt >= this.options.ttlMs || entry.expiresAt.getTime() <= now) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry;
  }

  /** A mark to take before a lookup reads the database, and to hand to `set` with what it read. */
  mark(): number {
    return this.generation;
  }

  /** Keeps a lookup's result, unless anything was forgotten since its `mark` (it may have read a row
   * from before that change) or notices cannot arrive now. */
  set(found: CachedSession, mark: number, now = Date.now()): void {
    if (mark !== this.generation || !this.options.enabled()) return;
    this.entries.delete(found.sessionId);
    this.entries.set(found.sessionId, { ...found, storedAt: now });
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Forgets one user's sessions, or every entry (null). */
  forget(userId: string | null): void {
    this.generation += 1;
    if (userId === null) {
      this.entries.clear();
      return;
    }
    for (const [id, entry] of this.entries) if (entry.user.id === userId) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}
