import type { AmendmentBody, AmendmentChanges, Locale } from '@bextr/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  type AgreementRow,
  type AmendmentRow,
  amendments,
  type CollaborationRow,
  collaborationDeliverables,
  collaborations,
} from '../../db/schema.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { applyChanges, type Line } from './amendment-rules.ts';
import { settleStatus } from './delivery.ts';
import { notifyCollaboration, otherSide, publishCollaborationChange } from './events.ts';
import { isWorking } from './policy.ts';
import { lockCollaboration } from './queries.ts';

const currentLines = (tx: Tx, collaborationId: string) =>
  tx
    .select({
      id: collaborationDeliverables.id,
      key: collaborationDeliverables.key,
      status: collaborationDeliverables.status,
      current: collaborationDeliverables.current,
    })
    .from(collaborationDeliverables)
    .where(eq(collaborationDeliverables.collaborationId, collaborationId));

async function touch(tx: Tx, c: CollaborationRow, now: Date) {
  const [row] = await tx
    .update(collaborations)
    .set({ updatedAt: now })
    .where(eq(collaborations.id, c.id))
    .returning();
  if (!row) throw new Error('collaboration vanished');
  await publishCollaborationChange(tx, row);
  return row;
}

/** Either side proposes a change of the terms: one pending at a time (409 AMENDMENT_PENDING — also
 * from the partial unique index when two proposals race), none once the collaboration is completed,
 * cancelled or disputed (409), field rules as 400. The other side is told. */
export async function proposeAmendment(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; body: AmendmentBody; locale: Locale },
): Promise<void> {
  try {
    await ctx.db.transaction(async (tx) => {
      const c = await lockCollaboration(tx, opts.user, opts.id);
      if (!c) throw notFound();
      if (!isWorking(c.status)) throw conflict();
      const [pending] = await tx
        .select({ id: amendments.id })
        .from(amendments)
        .where(and(eq(amendments.collaborationId, c.id), eq(amendments.status, 'pending')));
      if (pending) throw conflict('AMENDMENT_PENDING');
      const { errors } = applyChanges(
        c.agreement,
        await currentLines(tx, c.id),
        opts.body.changes,
        opts.locale,
      );
      if (errors.length > 0) throw new AppError(400, 'VALIDATION_FAILED', { fields: errors });
      const now = new Date();
      await tx.insert(amendments).values({
        collaborationId: c.id,
        proposedBy: opts.user.id,
        changes: opts.body.changes as Record<string, unknown>,
        note: opts.body.note || null,
        status: 'pending',
        baseVersion: c.agreementVersion,
        createdAt: now,
      });
      const row = await touch(tx, c, now);
      await notifyCollaboration(ctx, tx, row, [
        {
          to: otherSide(c, opts.user.id),
          kind: 'amendment_proposed',
          actorId: opts.user.id,
          note: opts.body.note,
        },
      ]);
    });
  } catch (error) {
    if (!(error instanceof AppError) && isUniqueViolation(error, 'amendments_one_pending_key'))
      throw conflict('AMENDMENT_PENDING');
    throw error;
  }
  ctx.outbox.kick();
}

/** The collaboration (locked) and its pending amendment, for an answer to it. 404 for anyone else's
 * collaboration or an amendment of another; 409 once it is no longer pending. */
async function lockAmendment(tx: Tx, opts: { user: SessionUser; id: string; amendmentId: string }) {
  const c = await lockCollaboration(tx, opts.user, opts.id);
  if (!c) throw notFound();
  const [a] = await tx
    .select()
    .from(amendments)
    .where(and(eq(amendments.id, opts.amendmentId), eq(amendments.collaborationId, c.id)));
  if (!a) throw notFound();
  return { c, a };
}

async function closeAmendment(
  tx: Tx,
  a: AmendmentRow,
  set: {
    status: 'accepted' | 'declined' | 'withdrawn';
    decidedBy: string;
    decidedAt: Date;
    changes?: Record<string, unknown>;
  },
) {
  const [moved] = await tx
    .update(amendments)
    .set(set)
    .where(and(eq(amendments.id, a.id), eq(amendments.status, 'pending')))
    .returning({ id: amendments.id });
  if (!moved) throw conflict();
}

/** The other side answers a pending amendment. The proposer may not (403). Accepting re-checks the
 * changes against the lines as they are now (an approved line may not be dropped: 409
 * APPROVED_DELIVERABLE), replaces the agreement, raises its version, keeps, adds and retires the
 * lines (a retired line keeps its proofs), and settles the collaboration's state. */
export async function answerAmendment(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; amendmentId: string; action: 'accept' | 'decline'; locale: Locale },
) {
  await ctx.db.transaction(async (tx) => {
    const { c, a } = await lockAmendment(tx, opts);
    if (a.proposedBy === opts.user.id) throw forbidden();
    if (a.status !== 'pending' || !isWorking(c.status)) throw conflict();
    const now = new Date();
    if (opts.action === 'decline') {
      await closeAmendment(tx, a, { status: 'declined', decidedBy: opts.user.id, decidedAt: now });
      const row = await touch(tx, c, now);
      await notifyCollaboration(ctx, tx, row, [
        { to: a.proposedBy, kind: 'amendment_declined', actorId: opts.user.id },
      ]);
      return;
    }
    const lines = await currentLines(tx, c.id);
    const applied = applyChanges(c.agreement, lines, a.changes as AmendmentChanges, opts.locale);
    if (applied.approvedDropped) throw conflict('APPROVED_DELIVERABLE');
    if (applied.errors.length > 0) throw conflict();
    await closeAmendment(tx, a, {
      status: 'accepted',
      decidedBy: opts.user.id,
      decidedAt: now,
      // The terms of the lines it dropped, so their history can still name them.
      changes: { ...a.changes, dropped: applied.dropped },
    });
    await applyLines(tx, c.id, lines, applied.agreement, now);
    const [updated] = await tx
      .update(collaborations)
      .set({
        agreement: applied.agreement,
        agreementVersion: sql`${collaborations.agreementVersion} + 1`,
        updatedAt: now,
      })
      .where(eq(collaborations.id, c.id))
      .returning();
    if (!updated) throw new Error('collaboration vanished');
    await notifyCollaboration(ctx, tx, updated, [
      { to: a.proposedBy, kind: 'amendment_accepted', actorId: opts.user.id },
    ]);
    await settleStatus(ctx, tx, updated, { actorId: opts.user.id, now });
  });
  ctx.outbox.kick();
}

/** Makes the line rows follow the new agreement: kept lines take their new position, new ones are
 * inserted as pending, lines left out stop being current (their proofs stay). */
async function applyLines(
  tx: Tx,
  collaborationId: string,
  lines: readonly Line[],
  agreement: AgreementRow,
  now: Date,
) {
  const byKey = new Map(lines.map((l) => [l.key, l]));
  const kept = new Set<string>();
  for (const [position, d] of agreement.deliverables.entries()) {
    const line = byKey.get(d.key);
    if (line) {
      kept.add(d.key);
      await tx
        .update(collaborationDeliverables)
        .set({ position, current: true, updatedAt: now })
        .where(eq(collaborationDeliverables.id, line.id));
    } else {
      await tx
        .insert(collaborationDeliverables)
        .values({ collaborationId, key: d.key, position, status: 'pending', updatedAt: now });
    }
  }
  for (const line of lines) {
    if (line.current && !kept.has(line.key))
      await tx
        .update(collaborationDeliverables)
        .set({ current: false, updatedAt: now })
        .where(eq(collaborationDeliverables.id, line.id));
  }
}

/** The proposer takes a pending amendment back (the other side: 403). */
export async function withdrawAmendment(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; amendmentId: string },
) {
  await ctx.db.transaction(async (tx) => {
    const { c, a } = await lockAmendment(tx, opts);
    if (a.proposedBy !== opts.user.id) throw forbidden();
    if (a.status !== 'pending') throw conflict();
    const now = new Date();
    await closeAmendment(tx, a, { status: 'withdrawn', decidedBy: opts.user.id, decidedAt: now });
    await touch(tx, c, now);
  });
}
