import type { ReviewBody, ReviewListQuery } from '@bextr/contracts';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { collaborations, reviews } from '../../db/schema-collaborations.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { findPublicBusiness } from '../businesses/service.ts';
import { createdKey, decodeCursor, isCreatedKey, pageOf } from '../campaigns/cursor.ts';
import { otherSide } from '../collaborations/events.ts';
import { collaborationVisibleTo } from '../collaborations/policy.ts';
import { findVisibleProfileId } from '../influencers/queries.ts';
import { notify } from '../notifications/service.ts';
import { canReview, isReviewable } from './policy.ts';
import {
  collaborationReviews,
  displayNameOf,
  insertReview,
  receivedReviews,
  selectReviews,
} from './queries.ts';

interface Actor {
  id: string;
  role: string;
}

/** A collaboration the actor is a side of, or null: anyone else's (an admin's too) is not found. */
async function findOwnCollaboration(db: Db | Tx, actor: Actor, id: string, lock = false) {
  const query = db
    .select()
    .from(collaborations)
    .where(and(eq(collaborations.id, id), collaborationVisibleTo(actor)))
    .limit(1);
  const [row] = lock ? await query.for('share') : await query;
  return row ?? null;
}

/** POST /collaborations/:id/reviews. In one transaction: the collaboration is held (FOR SHARE, so it
 * cannot leave `completed` meanwhile), the review is inserted once per side (the unique index on
 * (collaboration, author) turns a second one — or a double submit — into 409 ALREADY_REVIEWED), the
 * reviewed side's rating counters rise, and the reviewed side is notified (in-app, live, e-mail). */
export async function writeReview(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; body: ReviewBody },
) {
  const { user, body } = opts;
  const reviewId = await ctx.db.transaction(async (tx) => {
    const collaboration = await findOwnCollaboration(tx, user, opts.id, true);
    if (!collaboration) throw notFound();
    if (!isReviewable(collaboration)) throw conflict('NOT_COMPLETED');
    const subjectId = otherSide(collaboration, user.id);
    const inserted = await insertReview(tx, {
      collaborationId: collaboration.id,
      authorId: user.id,
      subjectId,
      rating: body.rating,
      text: body.text,
    });
    if (!inserted) throw new AppError(409, 'ALREADY_REVIEWED');
    await notify(ctx, tx, [
      {
        userId: subjectId,
        kind: 'review_received',
        actorId: user.id,
        campaignId: collaboration.campaignId,
        collaborationId: collaboration.id,
      },
    ]);
    return inserted.id;
  });
  ctx.outbox.kick();
  const [row] = await selectReviews(ctx.db).where(eq(reviews.id, reviewId));
  if (!row) throw notFound();
  return row;
}

/** GET /collaborations/:id/reviews: both reviews as one side sees them, the other side's name, and
 * whether the viewer may still write its own. */
export async function getCollaborationReviews(ctx: AppContext, opts: { user: SessionUser; id: string }) {
  const collaboration = await findOwnCollaboration(ctx.db, opts.user, opts.id);
  if (!collaboration) throw notFound();
  const subjectId = otherSide(collaboration, opts.user.id);
  const [rows, subject] = await Promise.all([
    collaborationReviews(ctx.db, collaboration.id),
    displayNameOf(ctx.db, subjectId),
  ]);
  const mine = rows.find((r) => r.review.authorId === opts.user.id) ?? null;
  const theirs = rows.find((r) => r.review.authorId === subjectId) ?? null;
  return {
    open: isReviewable(collaboration),
    mine,
    theirs,
    subject: { id: subjectId, role: subject?.role ?? 'business', name: subject?.name ?? '' },
    abilities: { review: canReview(opts.user, collaboration, mine !== null) },
  };
}

async function pageOfReviews(ctx: AppContext, subjectId: string, query: ReviewListQuery) {
  const after = decodeCursor(query.cursor, isCreatedKey);
  const rows = await receivedReviews(ctx.db, subjectId, { after, limit: query.limit + 1 });
  return pageOf(rows, query.limit, (r) => createdKey(r.review));
}

/** GET /influencers/:handle/reviews: who may see the profile may read its reviews; else 404. */
export async function listInfluencerReviews(
  ctx: AppContext,
  opts: { actor: Actor | null; handle: string; query: ReviewListQuery },
) {
  const userId = await findVisibleProfileId(ctx.db, opts.actor, opts.handle);
  if (!userId) throw notFound();
  return pageOfReviews(ctx, userId, opts.query);
}

/** GET /businesses/:id/reviews: the reviews of a business whose page may be seen (active, named). */
export async function listBusinessReviews(ctx: AppContext, opts: { id: string; query: ReviewListQuery }) {
  await findPublicBusiness(ctx.db, opts.id);
  return pageOfReviews(ctx, opts.id, opts.query);
}
