import { and, eq, ne } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { suspensionMail } from '../../lib/mail/account-templates.ts';
import { enqueueEmail } from '../../lib/mail/outbox.ts';
import { destroyUserSessions } from '../auth/sessions.ts';
import { recordAudit } from './audit.ts';

/** Suspends a business or influencer inside the caller's transaction: status, when and why; every
 * session of the user is deleted (the caller ends this process's live streams after the commit with
 * `afterSuspension`); an e-mail in the user's language gives the reason; the audit entry is written. What the user published is hidden by the read
 * predicates that already require an active owner (campaigns, pending offers, invitations, public
 * pages), so a reinstatement shows it again untouched. Admins cannot be suspended (404: not a user
 * this action knows); an already suspended user is 409. */
export async function suspendUserInTx(
  tx: Tx,
  opts: { adminId: string; userId: string; reason: string; details?: Record<string, unknown> },
) {
  const [user] = await tx
    .select({ id: users.id, status: users.status })
    .from(users)
    .where(and(eq(users.id, opts.userId), ne(users.role, 'admin')))
    .for('update');
  if (!user) throw notFound();
  if (user.status === 'suspended') throw conflict('CONFLICT');
  const [updated] = await tx
    .update(users)
    .set({
      status: 'suspended',
      suspendedAt: new Date(),
      suspensionReason: opts.reason,
      updatedAt: new Date(),
    })
    .where(eq(users.id, opts.userId))
    .returning();
  if (!updated) throw notFound();
  await destroyUserSessions(tx, opts.userId);
  // Told directly, in the user's language: notification e-mails skip suspended accounts.
  await enqueueEmail(tx, {
    to: updated.email,
    ...suspensionMail(updated.locale, { name: updated.name, reason: opts.reason }),
  });
  await recordAudit(tx, {
    actorId: opts.adminId,
    action: 'user.suspend',
    subjectType: 'user',
    subjectId: opts.userId,
    reason: opts.reason,
    ...(opts.details ? { details: opts.details } : {}),
  });
  return updated;
}

/** After the suspension committed: the user's live streams end now, here and (told through the
 * events channel) on the other processes, and queued e-mail goes out. */
export function afterSuspension(ctx: AppContext, userId: string) {
  ctx.hub.endUserSessions(userId);
  ctx.outbox.kick();
}
