import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { newId } from './ids.ts';
import { users } from './schema.ts';

const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** One per business user; every field may be empty until the business fills it in. */
export const businessProfiles = pgTable('business_profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  companyName: text('company_name'),
  industry: text('industry'),
  description: text('description'),
  country: text('country'),
  city: text('city'),
  website: text('website'),
  /** One of the business's own uploads, linked in upload_links (via 'logo'). */
  logoUploadId: text('logo_upload_id'),
  ...timestamps(),
});

export interface DeliverableRow {
  type: string;
  network: string;
  quantity: number;
  notes?: string | undefined;
}

const published = sql`status = 'published'`;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const campaigns = pgTable(
  'campaigns',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => newId()),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['draft', 'published', 'paused', 'closed'] })
      .notNull()
      .default('draft'),
    name: text('name'),
    category: text('category'),
    brief: text('brief'),
    tiers: text('tiers').array().notNull().default(sql`'{}'::text[]`),
    networks: text('networks').array().notNull().default(sql`'{}'::text[]`),
    compensationType: text('compensation_type', { enum: ['paid', 'barter'] }),
    /** Paid: the amount per influencer; barter: the estimated value. Minor units. */
    amount: integer('amount'),
    /** What "sort by amount" orders by: the paid amount, else the barter value, else 0. */
    sortAmount: integer('sort_amount').notNull().default(0),
    currency: text('currency').notNull().default('EUR'),
    barterDescription: text('barter_description'),
    deliverables: jsonb('deliverables').$type<DeliverableRow[]>().notNull().default([]),
    estimatedHours: integer('estimated_hours'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    applicationDeadline: date('application_deadline', { mode: 'string' }),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    remote: boolean('remote').notNull().default(false),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    slots: integer('slots'),
    /** Accepted offers; the offers area (issue #5) raises it with a guarded UPDATE. */
    slotsFilled: integer('slots_filled').notNull().default(0),
    /** One of the owner's uploads, linked in upload_links (via 'cover'). */
    coverUploadId: text('cover_upload_id'),
    /** An admin took the campaign down (status back to 'paused') and told the business why. */
    unpublishedAt: timestamp('unpublished_at', { withTimezone: true, mode: 'date' }),
    unpublishedReason: text('unpublished_reason'),
    /** normalizeSearchText(name + brief): lowercase, without diacritics. */
    searchText: text('search_text').notNull().default(''),
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('simple', search_text)`),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    /** The Idempotency-Key of the create/duplicate that made it: a double submit is one campaign. */
    clientKey: text('client_key'),
    ...timestamps(),
  },
  // Descending keys are NULLS FIRST, as ORDER BY … DESC sorts: otherwise no index serves the sort.
  (t) => [
    uniqueIndex('campaigns_client_key').on(t.ownerId, t.clientKey).where(sql`client_key is not null`),
    index('campaigns_owner_idx').on(t.ownerId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Text and networks in one GIN index: a search with a network filter narrows the bitmap before
    // reading the heap (half the heap reads at large scale; decision 018). Serves text alone too.
    index('campaigns_search_networks_idx').using('gin', t.searchVector, t.networks).where(published),
    index('campaigns_published_newest_idx')
      .on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(published),
    index('campaigns_published_deadline_idx').on(t.applicationDeadline, t.id).where(published),
    index('campaigns_published_amount_idx')
      .on(t.sortAmount.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(published),
    index('campaigns_published_category_idx')
      .on(t.category, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(published),
    // Slots are guarded here: never more accepted offers than slots, whatever the concurrency.
    check(
      'campaigns_slots_filled_within',
      sql`slots_filled >= 0 and (slots is null or slots_filled <= slots)`,
    ),
    // Discovery's newest-first order and its search keys both rest on it.
    check('campaigns_published_dated', sql`status <> 'published' or published_at is not null`),
  ],
);

/** The word keys of the published campaigns: for each, the first three characters of every word of
 * its search document, with its publish time. A text search newest first walks one key's rows in
 * date order and stops after a page, instead of reading every campaign the words match (decision
 * 018, fifth pass). Each row also carries the campaign's words under that key and a copy of the
 * columns discovery filters on that do not change as offers come in, so the walk refuses most rows
 * from the index alone, before it reads any campaign (eighth pass; the primary key INCLUDEs them,
 * migration 0014). Kept by a trigger on `campaigns` (migrations 0013, 0014), so every path that
 * publishes, edits, pauses, closes or deletes a campaign keeps it true; no foreign key, the trigger
 * deletes. */
export const campaignSearchKeys = pgTable(
  'campaign_search_keys',
  {
    key: text('key').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
    campaignId: text('campaign_id').notNull(),
    /** The campaign's words that start with the key (no positions); null past 1 KB, which a B-tree
     * entry could not hold with the rest (the walk then reads the campaign's own words). */
    words: tsvector('words'),
    category: text('category'),
    tiers: text('tiers').array().notNull(),
    networks: text('networks').array().notNull(),
    compensationType: text('compensation_type'),
    amount: integer('amount'),
    applicationDeadline: date('application_deadline', { mode: 'string' }),
    countries: text('countries').array().notNull(),
    remote: boolean('remote').notNull(),
    languages: text('languages').array().notNull(),
  },
  (t) => [primaryKey({ name: 'campaign_search_keys_pkey', columns: [t.key, t.publishedAt, t.campaignId] })],
);

export type CampaignRow = typeof campaigns.$inferSelect;
/** A campaign as it is read for showing: every column but the search document, which only the
 * database reads (modules/campaigns/queries.ts selectWithBusiness). */
export type ShownCampaign = Omit<CampaignRow, 'searchText' | 'searchVector'>;
export type BusinessProfileRow = typeof businessProfiles.$inferSelect;
