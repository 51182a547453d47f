import type { Locale, RegisterBody, UpdateMeBody } from '@bextr/contracts';
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { AppError, conflict, fieldError, forbidden } from '../../http/errors.ts';
import { enqueueEmail } from '../../lib/mail/outbox.ts';
import { passwordChangedMail, passwordResetMail, verifyEmailMail } from '../../lib/mail/templates.ts';
import { addressKey, limits } from '../../lib/rate-limit.ts';
import { consumeEmailToken, issueEmailToken } from './email-tokens.ts';
import { burnPasswordCheck, hashPassword, passwordWeakness, verifyPassword } from './passwords.ts';
import {
  createSession,
  destroySession,
  destroyUserSessions,
  readUserSecrets,
  type SessionUser,
} from './sessions.ts';

const normalizeEmail = (email: string) => email.trim().toLowerCase();

function findUserByEmail(ctx: AppContext, email: string) {
  return ctx.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizeEmail(email)))
    .limit(1)
    .then((rows) => rows[0] ?? null);
}

async function queueVerificationMail(ctx: AppContext, tx: Tx, user: SessionUser) {
  const token = await issueEmailToken(tx, user.id, 'verify_email');
  const url = `${ctx.baseUrl}/verify-email?token=${token}`;
  await enqueueEmail(tx, { to: user.email, ...verifyEmailMail(user.locale, user.name, url) });
}

export async function registerUser(
  ctx: AppContext,
  opts: {
    body: RegisterBody;
    locale: Locale;
    ip: string;
    previousSessionId?: string | undefined;
    userAgent?: string | undefined;
  },
) {
  await ctx.limiter.hit(limits.registerPerIp, `register:ip:${addressKey(opts.ip)}`);
  const { body } = opts;
  const weakness = passwordWeakness(body.password, body.email);
  if (weakness) throw fieldError('password', weakness);
  const passwordHash = await hashPassword(body.password);
  const result = await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values({
        email: body.email.trim(),
        passwordHash,
        role: body.role,
        name: body.name,
        locale: body.locale ?? opts.locale,
      })
      .onConflictDoNothing()
      .returning();
    const user = inserted[0];
    if (!user) throw conflict('EMAIL_TAKEN');
    await queueVerificationMail(ctx, tx, user);
    const session = await createSession(tx, {
      userId: user.id,
      ttlDays: ctx.config.session.ttlDays,
      userAgent: opts.userAgent,
    });
    return { user, session };
  });
  // As at sign-in: whatever session the browser had (a planted one included) is ended.
  if (opts.previousSessionId) await endSession(ctx, opts.previousSessionId);
  ctx.outbox.kick();
  return result;
}

export async function loginUser(
  ctx: AppContext,
  opts: {
    email: string;
    password: string;
    ip: string;
    previousSessionId?: string | undefined;
    userAgent?: string | undefined;
  },
) {
  const email = normalizeEmail(opts.email);
  await ctx.limiter.hit(limits.loginPerIp, `login:ip:${addressKey(opts.ip)}`);
  await ctx.limiter.hit(limits.loginPerAccountIp, `login:account-ip:${email}:${addressKey(opts.ip)}`);
  await ctx.limiter.hit(limits.loginPerAccount, `login:account:${email}`);
  const user = await findUserByEmail(ctx, email);
  if (!user) {
    await burnPasswordCheck(opts.password);
    throw new AppError(401, 'INVALID_CREDENTIALS');
  }
  if (!(await verifyPassword(user.passwordHash, opts.password)))
    throw new AppError(401, 'INVALID_CREDENTIALS');
  if (user.status !== 'active') throw forbidden('ACCOUNT_SUSPENDED');
  // A new session id at every sign-in; whatever session the browser had is ended.
  if (opts.previousSessionId) await endSession(ctx, opts.previousSessionId);
  // The session is made only if the password just checked is still the account's and the account
  // is still active: a reset, a change or a suspension committing while the hash was being checked
  // ends only the sessions that exist by then. The row lock makes either wait for the other.
  const session = await ctx.db.transaction(async (tx) => {
    const [now] = await tx
      .select({ passwordHash: users.passwordHash, status: users.status })
      .from(users)
      .where(eq(users.id, user.id))
      .for('share');
    if (now?.passwordHash !== user.passwordHash) throw new AppError(401, 'INVALID_CREDENTIALS');
    if (now.status !== 'active') throw forbidden('ACCOUNT_SUSPENDED');
    // An admin with a second factor is not signed in yet: the session waits for the code.
    return createSession(tx, {
      userId: user.id,
      ttlDays: ctx.config.session.ttlDays,
      userAgent: opts.userAgent,
      secondFactorPending: user.role === 'admin' && user.totpEnabledAt !== null,
    });
  });
  return { user, session };
}

export async function verifyEmail(ctx: AppContext, opts: { token: string }) {
  return ctx.db.transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, opts.token, 'verify_email');
    if (!userId) throw new AppError(400, 'INVALID_TOKEN');
    const rows = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    return rows[0];
  });
}

export async function resendVerification(ctx: AppContext, opts: { user: SessionUser }) {
  if (opts.user.emailVerifiedAt) throw conflict('EMAIL_ALREADY_VERIFIED');
  await ctx.limiter.hit(limits.resendPerAccount, `resend:${opts.user.id}`);
  await ctx.db.transaction((tx) => queueVerificationMail(ctx, tx, opts.user));
  ctx.outbox.kick();
}

/** Always answers the same way and after the same minimum time, so the answer tells nothing about
 * whether the account exists; sends a link only when it exists and is active. */
export async function requestPasswordReset(ctx: AppContext, opts: { email: string; ip: string }) {
  const startedAt = Date.now();
  const email = normalizeEmail(opts.email);
  await ctx.limiter.hit(limits.resetPerIp, `reset:ip:${addressKey(opts.ip)}`);
  await ctx.limiter.hit(limits.resetPerAccount, `reset:account:${email}`);
  const user = await findUserByEmail(ctx, email);
  if (user?.status === 'active') {
    await ctx.db.transaction(async (tx) => {
      const token = await issueEmailToken(tx, user.id, 'password_reset');
      const url = `${ctx.baseUrl}/reset-password?token=${token}`;
      await enqueueEmail(tx, { to: user.email, ...passwordResetMail(user.locale, user.name, url) });
    });
    ctx.outbox.kick();
  }
  const remaining = RESET_ANSWER_FLOOR_MS - (Date.now() - startedAt);
  if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
}

const RESET_ANSWER_FLOOR_MS = 250;

export async function confirmPasswordReset(
  ctx: AppContext,
  opts: { token: string; password: string; ip: string },
) {
  await ctx.limiter.hit(limits.resetPerIp, `reset-confirm:ip:${addressKey(opts.ip)}`);
  const passwordHash = await hashPassword(opts.password);
  const userId = await ctx.db.transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, opts.token, 'password_reset');
    if (!userId) throw new AppError(400, 'INVALID_TOKEN');
    const user = (await tx.select().from(users).where(eq(users.id, userId)))[0];
    if (!user) throw new AppError(400, 'INVALID_TOKEN');
    const weakness = passwordWeakness(opts.password, user.email);
    if (weakness) throw fieldError('password', weakness);
    // The link proved the mailbox is theirs, so the e-mail counts as verified too.
    await tx
      .update(users)
      .set({
        passwordHash,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    await destroyUserSessions(tx, userId);
    await enqueueEmail(tx, { to: user.email, ...passwordChangedMail(user.locale, user.name) });
    return userId;
  });
  // The ended sessions' live streams end now, here and (told through the events channel) elsewhere.
  ctx.hub.endUserSessions(userId);
  ctx.outbox.kick();
}

export async function changePassword(
  ctx: AppContext,
  opts: { user: SessionUser; sessionId: string; currentPassword: string; newPassword: string },
) {
  await ctx.limiter.hit(limits.passwordChangePerUser, `password-change:${opts.user.id}`);
  const secrets = await readUserSecrets(ctx.db, opts.user.id);
  if (!secrets || !(await verifyPassword(secrets.passwordHash, opts.currentPassword))) {
    throw new AppError(400, 'WRONG_PASSWORD', {
      fields: [{ path: 'currentPassword', code: 'wrong_password' }],
    });
  }
  const weakness = passwordWeakness(opts.newPassword, opts.user.email);
  if (weakness) throw fieldError('newPassword', weakness);
  const passwordHash = await hashPassword(opts.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, opts.user.id));
    await destroyUserSessions(tx, opts.user.id, opts.sessionId);
    await enqueueEmail(tx, { to: opts.user.email, ...passwordChangedMail(opts.user.locale, opts.user.name) });
  });
  ctx.hub.endUserSessions(opts.user.id, opts.sessionId);
  ctx.outbox.kick();
}

export async function updateMe(ctx: AppContext, opts: { user: SessionUser; body: UpdateMeBody }) {
  const rows = await ctx.db
    .update(users)
    .set({ ...opts.body, updatedAt: new Date() })
    .where(eq(users.id, opts.user.id))
    .returning();
  return rows[0] ?? opts.user;
}

export async function logoutSession(ctx: AppContext, opts: { sessionId: string }) {
  await endSession(ctx, opts.sessionId);
}

/** Ends one session: its row, and the live streams opened with it, here and on the other processes. */
async function endSession(ctx: AppContext, sessionId: string) {
  await destroySession(ctx.db, sessionId);
  ctx.hub.endSessions([sessionId]);
}
