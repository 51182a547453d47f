import { and, eq, ne } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { reinstatementMail } from '../../lib/mail/account-templates.ts';
import { enqueueEmail } from '../../lib/mail/outbox.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { notify } from '../notifications/service.ts';
import { pageUrl } from '../public-pages/html.ts';
import { recordAudit } from './audit.ts';
import { afterSuspension, suspendUserInTx } from './suspension.ts';

/** Warns a business or influencer inside the caller's transaction (also a report's resolution): an
 * `account_warned` notification carrying the message as its note — in-app, live, and by e-mail in
 * the user's language — and the audit entry 'user.warn'. An admin (or unknown id) is 404. The caller
 * kicks the outbox after its commit. */
export async function warnUserInTx(
  tx: Tx,
  opts: {
    ctx: { baseUrl: string };
    adminId: string;
    userId: string;
    message: string;
    details?: Record<string, unknown>;
  },
) {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, opts.userId), ne(users.role, 'admin')))
    .for('share');
  if (!user) throw notFound();
  await notify(opts.ctx, tx, [
    { userId: opts.userId, kind: 'account_warned', actorId: opts.adminId, note: opts.message },
  ]);
  await recordAudit(tx, {
    actorId: opts.adminId,
    action: 'user.warn',
    subjectType: 'user',
    subjectId: opts.userId,
    reason: opts.message,
    ...(opts.details ? { details: opts.details } : {}),
  });
}

export async function warnUser(
  ctx: AppContext,
  opts: { admin: SessionUser; userId: string; message: string },
) {
  await ctx.db.transaction((tx) =>
    warnUserInTx(tx, { ctx, adminId: opts.admin.id, userId: opts.userId, message: opts.message }),
  );
  ctx.outbox.kick();
}

export async function suspendUser(
  ctx: AppContext,
  opts: { admin: SessionUser; userId: string; reason: string },
) {
  await ctx.db.transaction((tx) =>
    suspendUserInTx(tx, { adminId: opts.admin.id, userId: opts.userId, reason: opts.reason }),
  );
  afterSuspension(ctx, opts.userId);
}

/** Lifts a suspension: a conditional UPDATE from 'suspended' (an active account is 409, an admin or
 * unknown id 404), the audit entry 'user.reinstate' and an e-mail in the user's language. What the
 * user published shows again as it was (nothing was changed by the suspension). */
export async function reinstateUser(
  ctx: AppContext,
  opts: { admin: SessionUser; userId: string; reason?: string | undefined },
) {
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ status: 'active', suspendedAt: null, suspensionReason: null, updatedAt: new Date() })
      .where(and(eq(users.id, opts.userId), ne(users.role, 'admin'), eq(users.status, 'suspended')))
      .returning();
    if (!user) {
      const [known] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, opts.userId), ne(users.role, 'admin')));
      throw known ? conflict() : notFound();
    }
    await enqueueEmail(tx, {
      to: user.email,
      ...reinstatementMail(user.locale, {
        name: user.name,
        reason: opts.reason ?? null,
        signInUrl: pageUrl(ctx.baseUrl, '/sign-in', user.locale),
      }),
    });
    await recordAudit(tx, {
      actorId: opts.admin.id,
      action: 'user.reinstate',
      subjectType: 'user',
      subjectId: user.id,
      reason: opts.reason ?? null,
    });
  });
  ctx.outbox.kick();
}
