import { z } from 'zod';
import { categorySchema, idSchema } from './common.ts';
import { isIsoCountry, isIsoLanguage } from './iso-codes.ts';
import { ratingSummarySchema, reviewSchema } from './reviews.ts';

/** An ISO 3166-1 alpha-2 code that exists (`XX` is refused, not only `xx`). */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { abort: true })
  .refine(isIsoCountry, { message: 'unknown_country', abort: true });
/** An ISO 639-1 code that exists. */
export const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{2}$/, { abort: true })
  .refine(isIsoLanguage, { message: 'unknown_language', abort: true });

const webUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(300);

/** PUT /business-profile. Every field may be left empty; the profile is complete when
 * companyName, industry, description and country are set. */
export const businessProfileBodySchema = z.strictObject({
  companyName: z.string().trim().min(1).max(120).nullish(),
  industry: categorySchema.nullish(),
  description: z.string().trim().min(1).max(2000).nullish(),
  country: countryCodeSchema.nullish(),
  city: z.string().trim().min(1).max(120).nullish(),
  website: webUrl.nullish(),
  /** One of the business's own uploads (else 400 `upload_not_yours`); null or absent removes it. */
  logoUploadId: idSchema.nullish(),
});
export type BusinessProfileBody = z.infer<typeof businessProfileBodySchema>;

export const businessProfileRequiredFields = ['companyName', 'industry', 'description', 'country'] as const;

export const businessProfileSchema = z.object({
  id: idSchema,
  companyName: z.string().nullable(),
  industry: categorySchema.nullable(),
  description: z.string().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  logoUploadId: z.string().nullable(),
  /** The logo (GET /uploads/:id), or null. */
  logoUrl: z.string().nullable(),
  completeness: z.object({ complete: z.boolean(), missing: z.array(z.string()) }),
  updatedAt: z.string().nullable(),
});
export type BusinessProfile = z.infer<typeof businessProfileSchema>;
export const businessProfileResponseSchema = z.object({ profile: businessProfileSchema });

/** GET /businesses/:id: what any signed-in user may know of a business. */
export const publicBusinessSchema = z.object({
  id: idSchema,
  companyName: z.string(),
  industry: categorySchema.nullable(),
  description: z.string().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  logoUrl: z.string().nullable(),
  /** The average of the reviews influencers left after completed collaborations; null before the first. */
  rating: ratingSummarySchema,
  /** The newest reviews (the rest: GET /businesses/:id/reviews). */
  reviews: z.array(reviewSchema),
  publishedCampaigns: z.number().int(),
});
export type PublicBusiness = z.infer<typeof publicBusinessSchema>;
export const publicBusinessResponseSchema = z.object({ business: publicBusinessSchema });
