import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { CollaborationRow } from '../../db/schema-collaborations.ts';

interface Actor {
  id: string;
  role: string;
}

type Sides = Pick<CollaborationRow, 'businessId' | 'influencerId'>;

/** The states in which the sides may review each other: only a completed collaboration (not one
 * under dispute, cancelled or still running). */
export const reviewableStatuses = ['completed'] as const;

/** Only the two sides of a collaboration see it and its reviews; anyone else (another business or
 * influencer, an admin) is told it does not exist. */
const isCollaborationSide = (actor: Actor, c: Sides) =>
  actor.id === c.businessId || actor.id === c.influencerId;

export const isReviewable = (c: Pick<CollaborationRow, 'status'>) =>
  (reviewableStatuses as readonly string[]).includes(c.status);

/** A side may review once, after completion. */
export const canReview = (actor: Actor, c: Sides & Pick<CollaborationRow, 'status'>, reviewed: boolean) =>
  isCollaborationSide(actor, c) && isReviewable(c) && !reviewed;

/** Which reviews public lists show, as SQL over the author's `users.status`: those whose author is
 * active. A suspended author's reviews are left out while the suspension lasts (their rating still
 * counts: it rates a collaboration that was completed); see decision 013. */
export const reviewListed = (authorStatus: AnyColumn): SQL => sql`${authorStatus} = 'active'`;
