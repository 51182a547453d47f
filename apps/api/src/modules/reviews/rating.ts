import type { RatingSummary } from '@bextr/contracts';

/** A user's rating from the counters kept on `users` (rating_count, rating_total — raised in the
 * transaction that writes each review): the average to two decimals and the count; null before the
 * first review. */
export function ratingSummary(counters: { ratingCount: number; ratingTotal: number }): RatingSummary {
  if (counters.ratingCount <= 0) return null;
  return {
    average: Math.round((counters.ratingTotal * 100) / counters.ratingCount) / 100,
    count: counters.ratingCount,
  };
}
