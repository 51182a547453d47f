import type { Review } from '@bextr/contracts';
import type { ReviewWithNames } from './queries.ts';

/** A review as its readers see it: the author by name (and handle, for an influencer), never by
 * e-mail; the campaign by the name the two sides agreed on. */
export function presentReview(row: ReviewWithNames): Review {
  const { review } = row;
  return {
    id: review.id,
    collaborationId: review.collaborationId,
    rating: review.rating,
    text: review.text,
    author: {
      id: review.authorId,
      role: row.authorRole,
      name: row.authorName,
      handle: row.authorRole === 'influencer' ? (row.authorHandle ?? null) : null,
    },
    campaignName: row.campaignName,
    createdAt: review.createdAt.toISOString(),
  };
}
