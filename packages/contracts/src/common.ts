import { z } from 'zod';

export const locales = ['en', 'sk'] as const;
export const localeSchema = z.enum(locales);
/** Each language named in itself, as language pickers show them. */
export const languageNames: Record<(typeof locales)[number], string> = { en: 'English', sk: 'Slovenčina' };
export type Locale = z.infer<typeof localeSchema>;

export const roles = ['business', 'influencer', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const userStatuses = ['active', 'suspended'] as const;
export const userStatusSchema = z.enum(userStatuses);

/** The body of an action that takes none: absent, or `{}` — any field in it is a 400, like
 * everywhere else (a field the client thinks matters must not be dropped without a word). */
export const emptyBodySchema = z.strictObject({}).nullish();

/** Ids are opaque strings to clients. */
export const idSchema = z.string().min(1).max(64);

export const moneySchema = z.strictObject({
  amount: z.number().int().min(0).max(100_000_000),
  currency: z.enum(['EUR']).default('EUR'),
});
export type Money = z.infer<typeof moneySchema>;

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const categories = [
  'fashion',
  'beauty',
  'food_drink',
  'travel',
  'fitness_health',
  'tech',
  'gaming',
  'home_living',
  'parenting_family',
  'finance',
  'education',
  'entertainment',
  'sports',
  'automotive',
  'pets',
  'lifestyle',
  'other',
] as const;
export const categorySchema = z.enum(categories);

export const networks = [
  'instagram',
  'tiktok',
  'youtube',
  'facebook',
  'x',
  'linkedin',
  'twitch',
  'pinterest',
  'snapchat',
  'threads',
  'blog',
] as const;
export const networkSchema = z.enum(networks);

export const tiers = ['nano', 'micro', 'macro', 'mega'] as const;
export const tierSchema = z.enum(tiers);
export type Tier = z.infer<typeof tierSchema>;
