import type { OfferCounts } from '@bextr/contracts';
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { preparedOn } from '../../db/prepared.ts';
import { businessProfiles, campaigns, offers, type ShownCampaign, users } from '../../db/schema.ts';
import type { CampaignWithBusiness } from './presenter.ts';

/** Every column of a campaign but its search document (the normalised text and its tsvector, which
 * only the database reads: they were the widest part of each row sent to the app — decision 018). */
const { searchText: _text, searchVector: _vector, ...shown } = getTableColumns(campaigns);
export const shownCampaignColumns = shown;

/** Campaign rows with the name their business shows (company name, else the account name) and its logo. */
export function selectWithBusiness(db: Db | Tx) {
  return selectCampaignAs(db, shownCampaignColumns);
}

/** The same rows for a page of many campaigns: the shown columns come as one JSON object per row,
 * which PostgreSQL writes and the app parses natively, where `selectWithBusiness` has the driver
 * and drizzle decode every cell one by one (a page of 21 campaigns is 630 cells: a fifth of the
 * app's CPU on a discovery page, decision 018, eighth pass). The object has the columns' own names
 * and values: JSON gives the same numbers, strings, arrays, booleans and dates as the driver, and
 * timestamps are made Dates here as drizzle makes them (discovery.test.ts compares the two). */
export function selectPageWithBusiness(db: Db | Tx) {
  return selectCampaignAs(db, shownCampaignJson);
}

const shownEntries = Object.entries(shownCampaignColumns);
const timestampKeys = shownEntries.filter(([, c]) => c.columnType === 'PgTimestamp').map(([k]) => k);
const shownCampaignJson = sql<ShownCampaign>`json_build_object(${sql.join(
  shownEntries.map(([key, column]) => sql`${sql.raw(`'${key}'`)}, ${column}`),
  sql`, `,
)})`.mapWith((value: unknown): ShownCampaign => {
  const row = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
  for (const key of timestampKeys) {
    const at = row[key];
    if (typeof at === 'string') row[key] = new Date(at);
  }
  return row as ShownCampaign;
});

function selectCampaignAs<T extends typeof shownCampaignColumns | typeof shownCampaignJson>(
  db: Db | Tx,
  campaign: T,
) {
  return db
    .select({
      campaign,
      businessName: sql<string>`coalesce(${businessProfiles.companyName}, ${users.name})`,
      logoUploadId: businessProfiles.logoUploadId,
      ownerActive: sql<boolean>`${users.status} = 'active'`,
    })
    .from(campaigns)
    .innerJoin(users, eq(users.id, campaigns.ownerId))
    .leftJoin(businessProfiles, eq(businessProfiles.userId, campaigns.ownerId));
}

/** One campaign by id with its business, built once (db/prepared.ts): every campaign page and the
 * visibility check before an offer read it. The caller applies who may see it. */
export async function findCampaignById(db: Db, id: string): Promise<CampaignWithBusiness | null> {
  const rows = await preparedOn(db, 'campaign_by_id', (d, name) =>
    selectWithBusiness(d)
      .where(eq(campaigns.id, sql.placeholder('id')))
      .limit(1)
      .prepare(name),
  ).execute({ id });
  return rows[0] ?? null;
}

/** The owner's campaign, or null: another business's campaign is simply not found. Built once too:
 * the offer inbox reads it on every page. */
export async function findOwnedCampaign(
  db: Db,
  ownerId: string,
  id: string,
): Promise<CampaignWithBusiness | null> {
  const rows = await preparedOn(db, 'campaign_owned', (d, name) =>
    selectWithBusiness(d)
      .where(and(eq(campaigns.id, sql.placeholder('id')), eq(campaigns.ownerId, sql.placeholder('owner'))))
      .limit(1)
      .prepare(name),
  ).execute({ id, owner: ownerId });
  return rows[0] ?? null;
}

/** The owner's campaign row, locked until the transaction ends (FOR UPDATE), or null. */
export async function lockOwnedCampaign(tx: Tx, ownerId: string, id: string) {
  const rows = await tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.ownerId, ownerId)))
    .for('update');
  return rows[0] ?? null;
}

export const zeroCounts = (): OfferCounts => ({
  pending: 0,
  shortlisted: 0,
  accepted: 0,
  rejected: 0,
  withdrawn: 0,
  expired: 0,
});

/** Offers per state for each campaign: one grouped count. The open offers of a suspended influencer
 * are left out, as the review list leaves them out (offers/policy.ts offerVisibleTo). */
export async function offerCountsFor(db: Db | Tx, campaignIds: readonly string[]) {
  const counts = new Map(campaignIds.map((id) => [id, zeroCounts()]));
  if (campaignIds.length === 0) return counts;
  const rows = await db
    .select({ campaignId: offers.campaignId, status: offers.status, n: sql<number>`count(*)::int` })
    .from(offers)
    .innerJoin(users, eq(users.id, offers.influencerId))
    .where(
      and(
        inArray(offers.campaignId, [...campaignIds]),
        sql`(${users.status} = 'active' or ${offers.status} not in ('pending', 'shortlisted'))`,
      ),
    )
    .groupBy(offers.campaignId, offers.status);
  for (const row of rows) {
    const entry = counts.get(row.campaignId);
    if (entry) entry[row.status] = row.n;
  }
  return counts;
}

/** Offers the business still has to decide (pending or shortlisted): what locks some fields. */
export const openOfferCount = (counts: OfferCounts | undefined) =>
  (counts?.pending ?? 0) + (counts?.shortlisted ?? 0);
