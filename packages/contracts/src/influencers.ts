import { z } from 'zod';
import { countryCodeSchema, languageCodeSchema } from './business.ts';
import { dateSchema, deliverableTypeSchema } from './campaigns.ts';
import {
  categorySchema,
  idSchema,
  listQuerySchema,
  moneySchema,
  networkSchema,
  pageSchema,
  type Tier,
  tierSchema,
} from './common.ts';
import { ratingSummarySchema } from './reviews.ts';
import { imageRefSchema } from './uploads.ts';

/** The tier a following puts an influencer in (PRODUCT.md): nano < 10k ≤ micro < 100k ≤ macro < 1M ≤ mega.
 * Below 1k is still nano: the smallest tier there is. */
export function tierForFollowers(followers: number): Tier {
  if (followers >= 1_000_000) return 'mega';
  if (followers >= 100_000) return 'macro';
  if (followers >= 10_000) return 'micro';
  return 'nano';
}

export const ageBuckets = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
export const genders = ['female', 'male', 'other'] as const;

/** Lowercase letters, digits, dot and underscore; 3–30 characters; starts and ends with a letter or digit. */
export const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9._]{1,28})[a-z0-9]$/;
export const handleSchema = z
  .string()
  .trim()
  .transform((v) => v.toLowerCase().replace(/^@/, ''))
  .refine((v) => HANDLE_PATTERN.test(v), { message: 'handle_format' });

const share = z.number().min(0).max(100);
/** Shares that must add up to 100 (±1). */
export const sharesAddUp = (values: readonly number[]) =>
  Math.abs(values.reduce((a, b) => a + b, 0) - 100) <= 1;
const sumOf = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export const audienceSchema = z
  .strictObject({
    gender: z.strictObject({ female: share, male: share, other: share }),
    ages: z.strictObject({
      '13-17': share,
      '18-24': share,
      '25-34': share,
      '35-44': share,
      '45-54': share,
      '55+': share,
    }),
    countries: z
      .array(z.strictObject({ country: countryCodeSchema, share }))
      .min(1)
      .max(10),
    interests: z.array(z.string().trim().min(1).max(40)).max(10).optional(),
  })
  .superRefine((a, ctx) => {
    if (!sharesAddUp(Object.values(a.gender)))
      ctx.addIssue({ code: 'custom', message: 'shares_total', path: ['gender'], input: a.gender });
    if (!sharesAddUp(Object.values(a.ages)))
      ctx.addIssue({ code: 'custom', message: 'shares_total', path: ['ages'], input: a.ages });
    const countryShares = a.countries.map((c) => c.share);
    if (sumOf(countryShares) > 101)
      ctx.addIssue({ code: 'custom', message: 'shares_over', path: ['countries'], input: countryShares });
    const codes = a.countries.map((c) => c.country);
    if (new Set(codes).size !== codes.length)
      ctx.addIssue({ code: 'custom', message: 'duplicate_choice', path: ['countries'], input: codes });
  });
export type Audience = z.infer<typeof audienceSchema>;

export const rateCardEntrySchema = z.strictObject({ type: deliverableTypeSchema, price: moneySchema });
export const rateCardSchema = z
  .array(rateCardEntrySchema)
  .max(6)
  .refine((list) => new Set(list.map((r) => r.type)).size === list.length, { message: 'duplicate_choice' });

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { message: 'duplicate_choice' });

const webUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(300);
const uploadIds = uniqueList(idSchema, 10);

/** PUT /influencer-profile: each onboarding step sends its own fields; absent = unchanged,
 * null = cleared. What is sent must be valid. */
export const influencerProfileBodySchema = z.strictObject({
  displayName: z.string().trim().min(1).max(80).nullish(),
  handle: handleSchema.nullish(),
  bio: z.string().trim().min(1).max(2000).nullish(),
  categories: uniqueList(categorySchema, 5).optional(),
  country: countryCodeSchema.nullish(),
  city: z.string().trim().min(1).max(120).nullish(),
  languages: uniqueList(languageCodeSchema, 10).optional(),
  avatarUploadId: idSchema.nullish(),
  audience: audienceSchema.nullish(),
  rateCard: rateCardSchema.optional(),
  isPublic: z.boolean().optional(),
});
export type InfluencerProfileBody = z.infer<typeof influencerProfileBodySchema>;

/** The basics step: what "basics" means for completeness. */
export const influencerBasicsSchema = z.object({
  displayName: z.string().trim().min(1).max(80),
  handle: handleSchema,
  bio: z.string().trim().min(1).max(2000),
  categories: uniqueList(categorySchema, 5).min(1),
  country: countryCodeSchema,
  city: z.string().trim().max(120).optional(),
  languages: uniqueList(languageCodeSchema, 10).min(1),
});

const count = z.number().int().min(0).max(10_000_000_000);

export const socialAccountBodySchema = z.strictObject({
  network: networkSchema,
  handle: z.string().trim().min(1).max(100),
  url: webUrl,
  followers: count,
  engagementRate: z.number().min(0).max(100),
  avgViews: count.nullish(),
});
export type SocialAccountBody = z.infer<typeof socialAccountBodySchema>;
export const socialAccountPatchSchema = socialAccountBodySchema.partial();

export const portfolioItemBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).nullish(),
  url: webUrl.nullish(),
  uploadIds: uploadIds.optional(),
  brand: z.string().trim().max(120).nullish(),
  network: networkSchema.nullish(),
  date: dateSchema.nullish(),
});
export type PortfolioItemBody = z.infer<typeof portfolioItemBodySchema>;
export const portfolioItemPatchSchema = portfolioItemBodySchema.partial();

export const insightBodySchema = z.strictObject({
  socialAccountId: idSchema,
  asOf: dateSchema,
  periodDays: z.number().int().min(1).max(365),
  reach: count.nullish(),
  impressions: count.nullish(),
  engagement: count.nullish(),
  uploadIds: uploadIds,
});
export type InsightBody = z.infer<typeof insightBodySchema>;
export const insightPatchSchema = insightBodySchema.partial();

export const completenessItems = [
  'basics',
  'social_accounts',
  'audience',
  'portfolio',
  'insights',
  'email_verified',
] as const;
export type CompletenessItem = (typeof completenessItems)[number];
export const completenessSchema = z.object({
  ready: z.boolean(),
  missing: z.array(z.enum(completenessItems)),
});

export const socialAccountSchema = z.object({
  id: idSchema,
  network: networkSchema,
  handle: z.string(),
  url: z.string(),
  followers: z.number().int(),
  engagementRate: z.number(),
  avgViews: z.number().int().nullable(),
  tier: tierSchema,
});
export type SocialAccount = z.infer<typeof socialAccountSchema>;

export const portfolioItemSchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string().nullable(),
  url: z.string().nullable(),
  /** As sent (`uploadIds`), and as images to show (`images`, same order). */
  uploadIds: z.array(idSchema),
  images: z.array(imageRefSchema),
  brand: z.string().nullable(),
  network: networkSchema.nullable(),
  date: z.string().nullable(),
});
export type PortfolioItem = z.infer<typeof portfolioItemSchema>;

export const insightSchema = z.object({
  id: idSchema,
  socialAccountId: idSchema,
  network: networkSchema,
  asOf: z.string(),
  periodDays: z.number().int(),
  reach: z.number().int().nullable(),
  impressions: z.number().int().nullable(),
  engagement: z.number().int().nullable(),
  /** As sent (`uploadIds`), and as images to show (`screenshots`, same order). */
  uploadIds: z.array(idSchema),
  screenshots: z.array(imageRefSchema),
});
export type Insight = z.infer<typeof insightSchema>;

export const influencerAbilitiesSchema = z.object({ edit: z.boolean(), invite: z.boolean() });

export const influencerProfileSchema = z.object({
  id: idSchema,
  displayName: z.string().nullable(),
  handle: z.string().nullable(),
  bio: z.string().nullable(),
  categories: z.array(categorySchema),
  country: z.string().nullable(),
  city: z.string().nullable(),
  languages: z.array(z.string()),
  /** As sent (`avatarUploadId`), and as an image to show (`avatar`). */
  avatarUploadId: idSchema.nullable(),
  avatar: imageRefSchema.nullable(),
  audience: audienceSchema.nullable(),
  rateCard: z.array(rateCardEntrySchema),
  isPublic: z.boolean(),
  tier: tierSchema.nullable(),
  /** The largest following across the social accounts. */
  followers: z.number().int(),
  totalFollowers: z.number().int(),
  /** The engagement rate of the largest account. */
  engagementRate: z.number(),
  networks: z.array(networkSchema),
  socialAccounts: z.array(socialAccountSchema),
  portfolio: z.array(portfolioItemSchema),
  insights: z.array(insightSchema),
  /** The average of the reviews businesses left after completed collaborations; null before the first. */
  rating: ratingSummarySchema,
  /** Only in the influencer's own view. */
  completeness: completenessSchema.optional(),
  abilities: influencerAbilitiesSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InfluencerProfile = z.infer<typeof influencerProfileSchema>;
export const influencerProfileResponseSchema = z.object({ profile: influencerProfileSchema });

export const socialAccountResponseSchema = z.object({ socialAccount: socialAccountSchema });
export const portfolioItemResponseSchema = z.object({ item: portfolioItemSchema });
export const insightResponseSchema = z.object({ insight: insightSchema });

export const influencerSorts = ['followers', 'engagement', 'newest', 'rating'] as const;
export const influencerSortSchema = z.enum(influencerSorts);

/** GET /influencers: the directory for businesses and admins. */
export const influencerSearchQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  category: categorySchema.optional(),
  network: networkSchema.optional(),
  tier: tierSchema.optional(),
  minFollowers: z.coerce.number().int().min(0).max(10_000_000_000).optional(),
  maxFollowers: z.coerce.number().int().min(0).max(10_000_000_000).optional(),
  minEngagement: z.coerce.number().min(0).max(100).optional(),
  /** An audience country (ISO 3166-1 alpha-2). */
  country: countryCodeSchema.optional(),
  language: languageCodeSchema.optional(),
  sort: influencerSortSchema.optional(),
});
export type InfluencerSearchQuery = z.infer<typeof influencerSearchQuerySchema>;

export const influencerSummarySchema = z.object({
  id: idSchema,
  handle: z.string(),
  displayName: z.string(),
  bio: z.string(),
  avatar: imageRefSchema.nullable(),
  tier: tierSchema,
  followers: z.number().int(),
  engagementRate: z.number(),
  networks: z.array(networkSchema),
  categories: z.array(categorySchema),
  country: z.string().nullable(),
  city: z.string().nullable(),
  /** The rating from businesses' reviews; null before the first. */
  rating: ratingSummarySchema,
});
export type InfluencerSummary = z.infer<typeof influencerSummarySchema>;
export const influencerPageSchema = pageSchema(influencerSummarySchema);
