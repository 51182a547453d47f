import type { SecondFactorSetup, SecondFactorStatus } from '@bextr/contracts';
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { AppContext } from '../../../context.ts';
import type { Tx } from '../../../db/client.ts';
import { sessions, users } from '../../../db/schema.ts';
import { AppError, conflict, forbidden, unauthenticated } from '../../../http/errors.ts';
import { addressKey, limits } from '../../../lib/rate-limit.ts';
import { matchTotpStep, newTotpSecret, otpauthUri } from '../../../lib/totp.ts';
import { recordAudit } from '../../admin/audit.ts';
import { createSession, destroyUserSessions, readUserSecrets, type SessionUser } from '../sessions.ts';
import { consumeRecoveryCode, countRecoveryCodesLeft, replaceRecoveryCodes } from './recovery-codes.ts';
import { openTotpSecret, sealTotpSecret } from './secret-box.ts';

const TOTP_ISSUER = 'BeXtr';

const invalidCode = () => new AppError(400, 'INVALID_SECOND_FACTOR_CODE');

/** Only admins have a second factor; everyone else is refused (403) on its routes. */
function requireAdminAccount(user: SessionUser): SessionUser {
  if (user.role !== 'admin') throw forbidden();
  return user;
}

/** Counts one guess against the admin's and the address's limits (429 beyond them). */
async function countGuess(ctx: AppContext, userId: string, ip: string) {
  await ctx.limiter.hit(limits.secondFactorPerUser, `second-factor:user:${userId}`);
  await ctx.limiter.hit(limits.secondFactorPerIp, `second-factor:ip:${addressKey(ip)}`);
}

/** Accepts a code of the admin's secret once: the step it belongs to must be later than the last
 * step used, and moving `totp_last_step` is a conditional update, so a replayed code (or the same
 * code in two requests at once) is refused. */
async function useTotpCode(
  ctx: AppContext,
  tx: Tx,
  user: SessionUser,
  code: string,
  /** The sealed secret, when the caller already holds the row (else it is read here). */
  sealed?: string | null,
): Promise<void> {
  const secret = sealed !== undefined ? sealed : (await readUserSecrets(tx, user.id))?.totpSecret;
  if (!secret) throw invalidCode();
  const step = matchTotpStep(openTotpSecret(secret, ctx.config.totpEncryptionKey), code);
  if (step === null) throw invalidCode();
  const moved = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  if (moved.length === 0) throw invalidCode();
}

/** The second step of an admin's sign-in: a code (or a recovery code) turns the pending session
 * into a full one under a new token; the pending token is dead from then on. */
export async function completeSignIn(
  ctx: AppContext,
  opts: {
    pending: { sessionId: string; user: SessionUser };
    body: { code: string } | { recoveryCode: string };
    ip: string;
    userAgent?: string | undefined;
  },
) {
  const { user } = opts.pending;
  await countGuess(ctx, user.id, opts.ip);
  return ctx.db.transaction(async (tx) => {
    if ('code' in opts.body) await useTotpCode(ctx, tx, user, opts.body.code);
    else if (!(await consumeRecoveryCode(tx, user.id, opts.body.recoveryCode)))
      throw new AppError(400, 'INVALID_RECOVERY_CODE');
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, opts.pending.sessionId), eq(sessions.secondFactorPending, true)))
      .returning({ id: sessions.id });
    // The pending sign-in ended meanwhile (signed out, expired): nothing to complete.
    if (ended.length === 0) throw unauthenticated();
    const session = await createSession(tx, {
      userId: user.id,
      ttlDays: ctx.config.session.ttlDays,
      userAgent: opts.userAgent,
    });
    return { user, session };
  });
}

export async function getSecondFactorStatus(ctx: AppContext, user: SessionUser): Promise<SecondFactorStatus> {
  requireAdminAccount(user);
  return {
    enabled: user.totpEnabledAt !== null,
    enabledAt: user.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: user.totpEnabledAt ? await countRecoveryCodesLeft(ctx.db, user.id) : 0,
  };
}

/** Starts enrolment: a new secret kept as pending (`totp_secret` without `totp_enabled_at`) until a
 * code from it confirms it; starting again replaces it. */
export async function startSetup(ctx: AppContext, user: SessionUser): Promise<SecondFactorSetup> {
  requireAdminAccount(user);
  const secret = newTotpSecret();
  const updated = await ctx.db
    .update(users)
    .set({
      totpSecret: sealTotpSecret(secret, ctx.config.totpEncryptionKey),
      totpLastStep: null,
      updatedAt: new Date(),
    })
    .where(and(eq(users.id, user.id), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (updated.length === 0) throw conflict('SECOND_FACTOR_ALREADY_ENABLED');
  const uri = otpauthUri({ secret, issuer: TOTP_ISSUER, account: user.email });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, otpauthUri: uri, qrSvg };
}

/** Confirms enrolment with a code from the new secret: the factor is on, ten recovery codes are
 * made (returned once), every other session of the admin ends (they were signed in with the
 * password alone), and the audit log keeps it. */
export async function enableSecondFactor(
  ctx: AppContext,
  opts: { user: SessionUser; sessionId: string; code: string; ip: string },
) {
  requireAdminAccount(opts.user);
  await countGuess(ctx, opts.user.id, opts.ip);
  const result = await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, opts.user.id)).for('update');
    if (!user || user.totpEnabledAt) throw conflict('SECOND_FACTOR_ALREADY_ENABLED');
    if (!user.totpSecret) throw conflict();
    await useTotpCode(ctx, tx, user, opts.code, user.totpSecret);
    const [enabled] = await tx
      .update(users)
      .set({ totpEnabledAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.id, user.id), isNull(users.totpEnabledAt), isNotNull(users.totpSecret)))
      .returning();
    if (!enabled) throw conflict('SECOND_FACTOR_ALREADY_ENABLED');
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await destroyUserSessions(tx, user.id, opts.sessionId);
    await recordAudit(tx, {
      actorId: user.id,
      action: 'admin.second_factor_enrol',
      subjectType: 'user',
      subjectId: user.id,
    });
    return { user: enabled, recoveryCodes };
  });
  ctx.hub.endUserSessions(opts.user.id, opts.sessionId);
  return result;
}

/** New recovery codes (the old ones stop working), confirmed with a current code so a stolen
 * session alone cannot take them. */
export async function renewRecoveryCodes(
  ctx: AppContext,
  opts: { user: SessionUser; code: string; ip: string },
) {
  requireAdminAccount(opts.user);
  if (!opts.user.totpEnabledAt) throw forbidden('SECOND_FACTOR_SETUP_REQUIRED');
  await countGuess(ctx, opts.user.id, opts.ip);
  return ctx.db.transaction(async (tx) => {
    await useTotpCode(ctx, tx, opts.user, opts.code);
    const recoveryCodes = await replaceRecoveryCodes(tx, opts.user.id);
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: 'admin.recovery_codes_renew',
      subjectType: 'user',
      subjectId: opts.user.id,
    });
    return recoveryCodes;
  });
}

/** At boot: the admin of ADMIN_EMAIL gets the second factor of ADMIN_TOTP_SECRET (enabled at once;
 * the last used step is forgotten when the secret changes). */
export async function enrolAdminAtBoot(
  ctx: Pick<AppContext, 'db'> & { config: { totpEncryptionKey: string | null } },
  opts: { email: string; secret: string },
): Promise<'enrolled' | 'unchanged' | 'missing'> {
  const [admin] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, opts.email.toLowerCase()), eq(users.role, 'admin')));
  if (!admin) return 'missing';
  const key = ctx.config.totpEncryptionKey;
  const current = admin.totpSecret ? openTotpSecret(admin.totpSecret, key) : null;
  if (admin.totpEnabledAt && current === opts.secret) return 'unchanged';
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        totpSecret: sealTotpSecret(opts.secret, key),
        totpEnabledAt: new Date(),
        totpLastStep: null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, admin.id));
    // Sessions signed in before (with the password alone, or under a secret now replaced — perhaps
    // because it leaked) end: the admin signs in again with a code of this secret.
    await destroyUserSessions(tx, admin.id);
  });
  return 'enrolled';
}
