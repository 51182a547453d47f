import { and, eq, getTableColumns, gt, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { preparedOn } from '../../db/prepared.ts';
import { sessions, users } from '../../db/schema.ts';
import { newSecret, sha256 } from '../../lib/tokens.ts';

export type UserRow = typeof users.$inferSelect;

/** The user a session carries through a request: every column but the secrets (password hash, TOTP
 * secret and last step), which the few steps that check them read themselves. */
export type SessionUser = Omit<UserRow, 'passwordHash' | 'totpSecret' | 'totpLastStep'>;
const {
  passwordHash: _hash,
  totpSecret: _secret,
  totpLastStep: _step,
  ...sessionUserColumns
} = getTableColumns(users);

/** How long a password-only sign-in of an admin with a second factor waits for the code. */
const SECOND_FACTOR_PENDING_MS = 10 * 60_000;

/** The secrets a session does not carry (SessionUser): for the steps that check a password or a
 * code. Null for an unknown id. */
export async function readUserSecrets(db: Db | Tx, userId: string) {
  const [row] = await db
    .select({ passwordHash: users.passwordHash, totpSecret: users.totpSecret })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Creates a session and returns the token for the cookie (only its hash is kept). A pending one
 * (password given, second factor not yet) lives ten minutes and signs nobody in. */
export async function createSession(
  db: Db | Tx,
  opts: { userId: string; ttlDays: number; userAgent?: string | undefined; secondFactorPending?: boolean },
): Promise<{ token: string; expiresAt: Date; secondFactorPending: boolean }> {
  const token = newSecret();
  const secondFactorPending = opts.secondFactorPending ?? false;
  const expiresAt = new Date(
    Date.now() + (secondFactorPending ? SECOND_FACTOR_PENDING_MS : opts.ttlDays * 86_400_000),
  );
  await db.insert(sessions).values({
    id: sha256(token),
    userId: opts.userId,
    expiresAt,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
    secondFactorPending,
  });
  return { token, expiresAt, secondFactorPending };
}

/** The active user behind a session token, or null; `secondFactorPending` says the session only
 * waits for the second factor (it signs nobody in). */
export async function findSessionUser(
  db: Db,
  token: string,
): Promise<{ sessionId: string; user: SessionUser; expiresAt: Date; secondFactorPending: boolean } | null> {
  const sessionId = sha256(token);
  const rows = await preparedOn(db, 'session_user', sessionUserQuery).execute({
    id: sessionId,
    now: new Date().toISOString(),
  });
  const row = rows[0];
  return row
    ? { sessionId, user: row.user, expiresAt: row.expiresAt, secondFactorPending: row.secondFactorPending }
    : null;
}

/** The lookup behind every signed-in request, built once (db/prepared.ts). */
const sessionUserQuery = (db: Db, name: string) =>
  db
    .select({
      user: sessionUserColumns,
      expiresAt: sessions.expiresAt,
      secondFactorPending: sessions.secondFactorPending,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.status, 'active'),
      ),
    )
    .limit(1)
    .prepare(name);

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
