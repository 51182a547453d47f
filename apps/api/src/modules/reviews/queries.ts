import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.ts';
import { businessProfiles, influencerProfiles, users } from '../../db/schema.ts';
import { collaborations, reviews } from '../../db/schema-collaborations.ts';
import { type CreatedKey, createdBefore } from '../campaigns/cursor.ts';
import { reviewListed } from './policy.ts';

const reviewAuthor = alias(users, 'review_author');

/** Reviews with what every view of one shows: the author's role, display or company name (the
 * account name as a fallback — never an e-mail) and handle, and the campaign's name as agreed. */
export function selectReviews(db: Db | Tx) {
  return db
    .select({
      review: reviews,
      authorRole: reviewAuthor.role,
      authorName: sql<string>`coalesce(${influencerProfiles.displayName}, ${businessProfiles.companyName}, ${reviewAuthor.name})`,
      authorHandle: influencerProfiles.handle,
      campaignName: sql<string>`coalesce(${collaborations.agreement}->>'campaignName', '')`,
    })
    .from(reviews)
    .innerJoin(reviewAuthor, eq(reviewAuthor.id, reviews.authorId))
    .innerJoin(collaborations, eq(collaborations.id, reviews.collaborationId))
    .leftJoin(influencerProfiles, eq(influencerProfiles.userId, reviews.authorId))
    .leftJoin(businessProfiles, eq(businessProfiles.userId, reviews.authorId));
}
export type ReviewWithNames = Awaited<ReturnType<typeof selectReviews>>[number];

/** The listed reviews a user received, newest first, after the cursor's key. */
export function receivedReviews(
  db: Db | Tx,
  subjectId: string,
  opts: { after: CreatedKey | null; limit: number },
) {
  return selectReviews(db)
    .where(
      and(
        eq(reviews.subjectId, subjectId),
        reviewListed(reviewAuthor.status),
        opts.after ? createdBefore(reviews.createdAt, reviews.id, opts.after) : undefined,
      ),
    )
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(opts.limit);
}

/** Both reviews of a collaboration (none, one or two). */
export function collaborationReviews(db: Db | Tx, collaborationId: string) {
  return selectReviews(db).where(eq(reviews.collaborationId, collaborationId));
}

/** A user's display name as the other side sees it: the influencer's display name or the company's
 * name, else the account name. */
export async function displayNameOf(db: Db | Tx, userId: string) {
  const [row] = await db
    .select({
      role: users.role,
      name: sql<string>`coalesce(${influencerProfiles.displayName}, ${businessProfiles.companyName}, ${users.name})`,
    })
    .from(users)
    .leftJoin(influencerProfiles, eq(influencerProfiles.userId, users.id))
    .leftJoin(businessProfiles, eq(businessProfiles.userId, users.id))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Stores a review once per side (a second one by the same author is ignored: null) and raises the
 * reviewed side's rating counters. Call it inside the transaction that holds the collaboration. */
export async function insertReview(
  tx: Tx,
  opts: {
    collaborationId: string;
    authorId: string;
    subjectId: string;
    rating: number;
    text: string;
    createdAt?: Date;
  },
) {
  const [inserted] = await tx
    .insert(reviews)
    .values(opts)
    .onConflictDoNothing({ target: [reviews.collaborationId, reviews.authorId] })
    .returning({ id: reviews.id });
  if (!inserted) return null;
  await tx
    .update(users)
    .set({
      ratingCount: sql`${users.ratingCount} + 1`,
      ratingTotal: sql`${users.ratingTotal} + ${opts.rating}`,
    })
    .where(eq(users.id, opts.subjectId));
  return inserted;
}
