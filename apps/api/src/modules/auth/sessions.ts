import { and, eq, gt, ne } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { sessions, users } from '../../db/schema.ts';
import { newSecret, sha256 } from '../../lib/tokens.ts';

export type UserRow = typeof users.$inferSelect;

/** Creates a session and returns the token for the cookie (only its hash is kept). */
export async function createSession(
  db: Db | Tx,
  opts: { userId: string; ttlDays: number; userAgent?: string | undefined },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(Date.now() + opts.ttlDays * 86_400_000);
  await db.insert(sessions).values({
    id: sha256(token),
    userId: opts.userId,
    expiresAt,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

/** The active user behind a session token, or null. */
export async function findSessionUser(
  db: Db,
  token: string,
): Promise<{ sessionId: string; user: UserRow; expiresAt: Date } | null> {
  const sessionId = sha256(token);
  const rows = await db
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date()), eq(users.status, 'active')))
    .limit(1);
  const row = rows[0];
  return row ? { sessionId, user: row.user, expiresAt: row.expiresAt } : null;
}

export async function destroySession(db: Db | Tx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, or every one but the given session. */
export async function destroyUserSessions(
  db: Db | Tx,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
        : eq(sessions.userId, userId),
    );
}
