import type { CollaborationStatus, ProofBody } from '@bextr/contracts';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import {
  type CollaborationRow,
  collaborationDeliverables,
  collaborations,
  deliverableProofs,
} from '../../db/schema.ts';
import { conflict, notFound } from '../../http/errors.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { linkProofUploads } from '../uploads/service.ts';
import { notifyCollaboration, publishCollaborationChange } from './events.ts';
import { type DeliverableAction, deliverableTransitions, isWorking, statusFromLines } from './policy.ts';
import { lockCollaboration } from './queries.ts';

/** After a change of its lines (the caller holds the collaboration row): moves the collaboration to
 * the state its current lines call for — delivered when every line is in, back to active when one is
 * not, completed when every line is approved — with a conditional UPDATE from the working states.
 * Completion tells both sides. Returns the row as it now is. */
export async function settleStatus(
  ctx: { baseUrl: string },
  tx: Tx,
  c: CollaborationRow,
  opts: { actorId: string; now: Date },
): Promise<CollaborationRow> {
  const lines = await tx
    .select({ status: collaborationDeliverables.status })
    .from(collaborationDeliverables)
    .where(
      and(eq(collaborationDeliverables.collaborationId, c.id), eq(collaborationDeliverables.current, true)),
    );
  const to: CollaborationStatus = statusFromLines(lines);
  const [moved] = await tx
    .update(collaborations)
    .set({
      status: to,
      updatedAt: opts.now,
      // The moment it became delivered (not moved by a later decision on a line).
      ...(to === 'delivered' && c.status !== 'delivered' ? { deliveredAt: opts.now } : {}),
      ...(to === 'completed' ? { completedAt: opts.now } : {}),
    })
    .where(and(eq(collaborations.id, c.id), inArray(collaborations.status, ['active', 'delivered'])))
    .returning();
  if (!moved) throw conflict();
  if (to === 'completed') {
    await notifyCollaboration(ctx, tx, moved, [
      { to: moved.businessId, kind: 'collaboration_completed', actorId: opts.actorId },
      { to: moved.influencerId, kind: 'collaboration_completed', actorId: opts.actorId },
    ]);
  }
  await publishCollaborationChange(tx, moved);
  return moved;
}

/** The collaboration (locked) and one of its current lines, for a side's action on it: anyone else's
 * collaboration or line is not found (404); a collaboration that is not being worked on, or a line
 * not in a state the action starts from, is a 409. */
async function lockLine(
  tx: Tx,
  opts: { user: SessionUser; id: string; deliverableId: string; action: DeliverableAction },
) {
  const c = await lockCollaboration(tx, opts.user, opts.id);
  const t = deliverableTransitions[opts.action];
  const mine = t.by === 'business' ? c?.businessId : c?.influencerId;
  if (!c || mine !== opts.user.id) throw notFound();
  const [line] = await tx
    .select()
    .from(collaborationDeliverables)
    .where(
      and(
        eq(collaborationDeliverables.id, opts.deliverableId),
        eq(collaborationDeliverables.collaborationId, c.id),
      ),
    );
  if (!line) throw notFound();
  if (!isWorking(c.status) || !line.current) throw conflict();
  return { c, line };
}

/** Moves a line along its transition: `UPDATE … WHERE status IN (from) RETURNING`, no row → 409. */
async function moveLine(tx: Tx, lineId: string, action: DeliverableAction, now: Date) {
  const t = deliverableTransitions[action];
  const [moved] = await tx
    .update(collaborationDeliverables)
    .set({ status: t.to, updatedAt: now })
    .where(
      and(eq(collaborationDeliverables.id, lineId), inArray(collaborationDeliverables.status, [...t.from])),
    )
    .returning({ id: collaborationDeliverables.id });
  if (!moved) throw conflict();
}

/** The influencer submits proof of one line (a link to the live post and/or screenshots, a note):
 * the line becomes `submitted`, the business is told, and with every line in the collaboration is
 * `delivered`. */
export async function submitProof(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; deliverableId: string; body: ProofBody },
) {
  await ctx.db.transaction(async (tx) => {
    const { c, line } = await lockLine(tx, { ...opts, action: 'submit' });
    const now = new Date();
    await moveLine(tx, line.id, 'submit', now);
    const uploadIds = [...new Set(opts.body.uploadIds ?? [])];
    const [proof] = await tx
      .insert(deliverableProofs)
      .values({
        deliverableId: line.id,
        collaborationId: c.id,
        submittedBy: opts.user.id,
        url: opts.body.url ?? null,
        note: opts.body.note || null,
        uploadIds,
        createdAt: now,
      })
      .returning({ id: deliverableProofs.id });
    if (!proof) throw new Error('proof not inserted');
    await linkProofUploads(tx, {
      ownerId: opts.user.id,
      collaborationId: c.id,
      proofId: proof.id,
      uploadIds,
    });
    await notifyCollaboration(ctx, tx, c, [
      { to: c.businessId, kind: 'deliverable_submitted', actorId: opts.user.id },
    ]);
    await settleStatus(ctx, tx, c, { actorId: opts.user.id, now });
  });
  ctx.outbox.kick();
}

/** The business answers the newest proof of a submitted line: approve it, or ask for changes with a
 * note. The line's state moves, the proof records the answer, the influencer is told; the collaboration
 * goes back to `active` on a changes request and is `completed` once every line is approved. The
 * collaboration row lock makes two racing final approvals queue: the second sees the first's result,
 * so completion happens (and is announced) exactly once. */
export async function decideDeliverable(
  ctx: AppContext,
  opts: {
    user: SessionUser;
    id: string;
    deliverableId: string;
    action: 'approve' | 'requestChanges';
    note?: string | undefined;
  },
) {
  await ctx.db.transaction(async (tx) => {
    const { c, line } = await lockLine(tx, opts);
    const now = new Date();
    await moveLine(tx, line.id, opts.action, now);
    const decision = opts.action === 'approve' ? 'approved' : 'changes_requested';
    const [latest] = await tx
      .select({ id: deliverableProofs.id })
      .from(deliverableProofs)
      .where(and(eq(deliverableProofs.deliverableId, line.id), isNull(deliverableProofs.decision)))
      .orderBy(desc(deliverableProofs.createdAt), desc(deliverableProofs.id))
      .limit(1);
    if (latest)
      await tx
        .update(deliverableProofs)
        .set({ decision, decisionNote: opts.note || null, decidedBy: opts.user.id, decidedAt: now })
        .where(eq(deliverableProofs.id, latest.id));
    await notifyCollaboration(ctx, tx, c, [
      {
        to: c.influencerId,
        kind: opts.action === 'approve' ? 'deliverable_approved' : 'deliverable_changes_requested',
        actorId: opts.user.id,
        note: opts.note ?? null,
      },
    ]);
    await settleStatus(ctx, tx, c, { actorId: opts.user.id, now });
  });
  ctx.outbox.kick();
}
