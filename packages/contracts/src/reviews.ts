import { z } from 'zod';
import { idSchema, listQuerySchema, pageSchema, roleSchema } from './common.ts';

export const REVIEW_TEXT_MIN = 10;
export const REVIEW_TEXT_MAX = 2000;
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** POST /collaborations/:id/reviews. A whole number of stars (2.5 or "5" are refused with a field
 * error on `rating`) and a few words about working with the other side. */
export const reviewBodySchema = z.strictObject({
  rating: z.number().int().min(RATING_MIN).max(RATING_MAX),
  text: z.string().trim().min(REVIEW_TEXT_MIN).max(REVIEW_TEXT_MAX),
});
export type ReviewBody = z.infer<typeof reviewBodySchema>;

/** A user's rating: the average of the reviews received (two decimals) and how many there are; null
 * before the first review. */
export const ratingSummarySchema = z
  .object({ average: z.number().min(RATING_MIN).max(RATING_MAX), count: z.number().int().min(1) })
  .nullable();
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

/** A review as anyone who may read it sees it: the author by display or company name (never an
 * e-mail), with what links to the author's page (the influencer's handle, the business's id), and the
 * campaign the collaboration was about. */
export const reviewSchema = z.object({
  id: idSchema,
  collaborationId: idSchema,
  rating: z.number().int().min(RATING_MIN).max(RATING_MAX),
  text: z.string(),
  author: z.object({
    id: idSchema,
    role: roleSchema,
    name: z.string(),
    /** The influencer's handle (a link to its profile); null for a business. */
    handle: z.string().nullable(),
  }),
  campaignName: z.string(),
  createdAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;
export const reviewResponseSchema = z.object({ review: reviewSchema });
export const reviewPageSchema = pageSchema(reviewSchema);
export const reviewListQuerySchema = listQuerySchema;
export type ReviewListQuery = z.infer<typeof reviewListQuerySchema>;

/** GET /collaborations/:id/reviews: the two reviews of a collaboration as one of its sides sees them,
 * and whether that side may still write its own. */
export const collaborationReviewsSchema = z.object({
  /** The collaboration is completed: reviews may be written. */
  open: z.boolean(),
  /** The viewer's review of the other side, once written. */
  mine: reviewSchema.nullable(),
  /** The other side's review of the viewer, once written. */
  theirs: reviewSchema.nullable(),
  /** The other side, as the form names it. */
  subject: z.object({ id: idSchema, role: roleSchema, name: z.string() }),
  abilities: z.object({ review: z.boolean() }),
});
export type CollaborationReviews = z.infer<typeof collaborationReviewsSchema>;
export const collaborationReviewsResponseSchema = z.object({ reviews: collaborationReviewsSchema });
