import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { campaigns, collaborations } from '../../db/schema.ts';
import { conflict, notFound } from '../../http/errors.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { notifyCollaboration, otherSide, publishCollaborationChange } from './events.ts';
import { isWorking } from './policy.ts';
import { lockCollaboration } from './queries.ts';

const working = inArray(collaborations.status, ['active', 'delivered']);

/** A cancel needs both sides. The first call records the request (who, when, why) and tells the
 * other side; the other side's call cancels: the collaboration is `cancelled` and the campaign's slot
 * is freed (`slots_filled - 1`, never below 0) in the same transaction. A second request from the
 * side that asked, or any call once completed, cancelled or disputed: 409. */
export async function cancelCollaboration(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; reason?: string | undefined },
) {
  await ctx.db.transaction(async (tx) => {
    const c = await lockCollaboration(tx, opts.user, opts.id);
    if (!c) throw notFound();
    if (!isWorking(c.status)) throw conflict();
    const now = new Date();
    if (c.cancelRequestedBy === null) {
      const [asked] = await tx
        .update(collaborations)
        .set({
          cancelRequestedBy: opts.user.id,
          cancelRequestedAt: now,
          cancelReason: opts.reason || null,
          updatedAt: now,
        })
        .where(and(eq(collaborations.id, c.id), working, isNull(collaborations.cancelRequestedBy)))
        .returning();
      if (!asked) throw conflict();
      await notifyCollaboration(ctx, tx, asked, [
        {
          to: otherSide(c, opts.user.id),
          kind: 'cancel_requested',
          actorId: opts.user.id,
          note: asked.cancelReason,
        },
      ]);
      await publishCollaborationChange(tx, asked);
      return;
    }
    if (c.cancelRequestedBy === opts.user.id) throw conflict();
    const [cancelled] = await tx
      .update(collaborations)
      .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
      .where(
        and(
          eq(collaborations.id, c.id),
          working,
          eq(collaborations.cancelRequestedBy, c.cancelRequestedBy),
          ne(collaborations.cancelRequestedBy, opts.user.id),
        ),
      )
      .returning();
    if (!cancelled) throw conflict();
    // The slot the accepted offer took is free again (guarded: the counter never goes below 0).
    await tx
      .update(campaigns)
      .set({ slotsFilled: sql`${campaigns.slotsFilled} - 1` })
      .where(and(eq(campaigns.id, c.campaignId), sql`${campaigns.slotsFilled} > 0`));
    await notifyCollaboration(ctx, tx, cancelled, [
      { to: c.cancelRequestedBy, kind: 'collaboration_cancelled', actorId: opts.user.id },
    ]);
    await publishCollaborationChange(tx, cancelled);
  });
  ctx.outbox.kick();
}

/** The side that asked for a cancel takes the request back (nobody asked, or the other side asked:
 * 409). */
export async function withdrawCancel(ctx: AppContext, opts: { user: SessionUser; id: string }) {
  await ctx.db.transaction(async (tx) => {
    const c = await lockCollaboration(tx, opts.user, opts.id);
    if (!c) throw notFound();
    const [row] = await tx
      .update(collaborations)
      .set({ cancelRequestedBy: null, cancelRequestedAt: null, cancelReason: null, updatedAt: new Date() })
      .where(and(eq(collaborations.id, c.id), working, eq(collaborations.cancelRequestedBy, opts.user.id)))
      .returning();
    if (!row) throw conflict();
    await publishCollaborationChange(tx, row);
  });
}
