import type { AuditAction, AuditSubjectType } from '@bextr/contracts';
import type { Tx } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

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
