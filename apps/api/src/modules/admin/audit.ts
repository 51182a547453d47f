import type { AuditAction, AuditSubjectType } from '@bextr/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

/** The audit actions that moderate a user: a warning, a suspension, a reinstatement. */
const moderationActions: AuditAction[] = ['user.warn', 'user.suspend', 'user.reinstate'];

/** Where-condition on `auditLog`: the moderation entries about one user. */
export const moderationOfUser = (userId: string) =>
  and(
    eq(auditLog.subjectType, 'user'),
    eq(auditLog.subjectId, userId),
    inArray(auditLog.action, moderationActions),
  );

export interface AuditEntry {
  /** The admin who acted. */
  actorId: string;
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string;
  /** The reason or message the admin gave, as written. */
  reason?: string | null;
  /** Facts worth keeping beside it (the outcome, the state before, …); never secrets. */
  details?: Record<string, unknown>;
}

/** Appends one entry to the audit log, inside the transaction of the action itself: an action that
 * rolls back leaves no entry, and no action commits without its entry. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    reason: entry.reason ?? null,
    details: entry.details ?? {},
  });
}
