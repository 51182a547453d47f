import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { newId } from './ids.ts';
import { users } from './schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
const bigCount = (name: string) => bigint(name, { mode: 'number' });

export interface AudienceRow {
  gender: { female: number; male: number; other: number };
  ages: Record<'13-17' | '18-24' | '25-34' | '35-44' | '45-54' | '55+', number>;
  countries: { country: string; share: number }[];
  interests?: string[] | undefined;
}
export interface RateCardRow {
  type: string;
  price: { amount: number; currency: 'EUR' };
}

const listed = sql`listed`;

/** One per influencer user. The derived columns (tier, followers, networks, listed, search_text) are
 * recomputed in the same transaction as every change of the profile or its social accounts. */
export const influencerProfiles = pgTable(
  'influencer_profiles',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    displayName: text('display_name'),
    handle: text('handle'),
    bio: text('bio'),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    country: text('country'),
    city: text('city'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    avatarUploadId: text('avatar_upload_id'),
    audience: jsonb('audience').$type<AudienceRow>(),
    audienceCountries: text('audience_countries').array().notNull().default(sql`'{}'::text[]`),
    rateCard: jsonb('rate_card').$type<RateCardRow[]>().notNull().default([]),
    isPublic: boolean('is_public').notNull().default(false),
    tier: text('tier', { enum: ['nano', 'micro', 'macro', 'mega'] }),
    followers: bigCount('followers').notNull().default(0),
    totalFollowers: bigCount('total_followers').notNull().default(0),
    engagementRate: doublePrecision('engagement_rate').notNull().default(0),
    networks: text('networks').array().notNull().default(sql`'{}'::text[]`),
    /** Every part of a ready profile is there (the verified e-mail is checked on the user). */
    listed: boolean('listed').notNull().default(false),
    searchText: text('search_text').notNull().default(''),
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('simple', search_text)`),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('influencer_profiles_handle_key').on(sql`lower(${t.handle})`),
    index('influencer_profiles_search_idx').using('gin', t.searchVector).where(listed),
    index('influencer_profiles_followers_idx')
      .on(t.followers.desc().nullsFirst(), t.userId.desc().nullsFirst())
      .where(listed),
    index('influencer_profiles_engagement_idx')
      .on(t.engagementRate.desc().nullsFirst(), t.userId.desc().nullsFirst())
      .where(listed),
    index('influencer_profiles_newest_idx')
      .on(t.createdAt.desc().nullsFirst(), t.userId.desc().nullsFirst())
      .where(listed),
  ],
);

export const socialAccounts = pgTable(
  'social_accounts',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => newId()),
    userId: text('user_id')
      .notNull()
      .references(() => influencerProfiles.userId, { onDelete: 'cascade' }),
    network: text('network').notNull(),
    handle: text('handle').notNull(),
    url: text('url').notNull(),
    followers: bigCount('followers').notNull(),
    engagementRate: doublePrecision('engagement_rate').notNull(),
    avgViews: bigCount('avg_views'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('social_accounts_user_network_handle_key').on(t.userId, t.network, sql`lower(${t.handle})`),
  ],
);

export const portfolioItems = pgTable(
  'portfolio_items',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => newId()),
    userId: text('user_id')
      .notNull()
      .references(() => influencerProfiles.userId, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    url: text('url'),
    uploadIds: text('upload_ids').array().notNull().default(sql`'{}'::text[]`),
    brand: text('brand'),
    network: text('network'),
    date: date('date', { mode: 'string' }),
    /** The create's Idempotency-Key (decision 017). */
    clientKey: text('client_key'),
    ...timestamps(),
  },
  (t) => [
    index('portfolio_items_user_idx').on(t.userId),
    uniqueIndex('portfolio_items_client_key').on(t.userId, t.clientKey).where(sql`client_key is not null`),
  ],
);

export const insights = pgTable(
  'insights',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => newId()),
    userId: text('user_id')
      .notNull()
      .references(() => influencerProfiles.userId, { onDelete: 'cascade' }),
    socialAccountId: text('social_account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    periodDays: integer('period_days').notNull(),
    reach: bigCount('reach'),
    impressions: bigCount('impressions'),
    engagement: bigCount('engagement'),
    uploadIds: text('upload_ids').array().notNull().default(sql`'{}'::text[]`),
    /** The create's Idempotency-Key (decision 017). */
    clientKey: text('client_key'),
    ...timestamps(),
  },
  (t) => [
    index('insights_user_idx').on(t.userId),
    uniqueIndex('insights_client_key').on(t.userId, t.clientKey).where(sql`client_key is not null`),
  ],
);

export type InfluencerProfileRow = typeof influencerProfiles.$inferSelect;
export type SocialAccountRow = typeof socialAccounts.$inferSelect;
export type PortfolioItemRow = typeof portfolioItems.$inferSelect;
export type InsightRow = typeof insights.$inferSelect;
