import { and, eq, type Placeholder, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.ts';
import { preparedIn, preparedOn } from '../../db/prepared.ts';
import { businessProfiles, campaigns, influencerProfiles, offers, users } from '../../db/schema.ts';
import { shownCampaignColumns } from '../campaigns/queries.ts';
import { offerVisibleTo } from './policy.ts';

interface Actor {
  id: string;
  role: string;
}

/** The influencer's account (offerVisibleTo names it), and the campaign owner's. */
const offerInfluencer = alias(users, 'offer_influencer');
const campaignOwner = alias(users, 'campaign_owner');

/** The influencer's summary beside an offer: from its profile, and its account's ratings. */
const influencerSide = {
  handle: influencerProfiles.handle,
  displayName: sql<string>`coalesce(${influencerProfiles.displayName}, ${offerInfluencer.name})`,
  avatarUploadId: influencerProfiles.avatarUploadId,
  tier: influencerProfiles.tier,
  followers: sql<number>`coalesce(${influencerProfiles.followers}, 0)`.mapWith(Number),
  engagementRate: sql<number>`coalesce(${influencerProfiles.engagementRate}, 0)`.mapWith(Number),
  ratingCount: offerInfluencer.ratingCount,
  ratingTotal: offerInfluencer.ratingTotal,
};

/** Offers with what every view of one shows: the campaign and its business's name and logo, the
 * influencer's summary from its profile. Never an e-mail address. */
export function selectOffers(db: Db | Tx) {
  return db
    .select({
      offer: offers,
      campaign: shownCampaignColumns,
      businessName: sql<string>`coalesce(${businessProfiles.companyName}, ${campaignOwner.name})`,
      logoUploadId: businessProfiles.logoUploadId,
      ...influencerSide,
    })
    .from(offers)
    .innerJoin(campaigns, eq(campaigns.id, offers.campaignId))
    .innerJoin(campaignOwner, eq(campaignOwner.id, campaigns.ownerId))
    .leftJoin(businessProfiles, eq(businessProfiles.userId, campaigns.ownerId))
    .innerJoin(offerInfluencer, eq(offerInfluencer.id, offers.influencerId))
    .leftJoin(influencerProfiles, eq(influencerProfiles.userId, offers.influencerId));
}

/** The offers of one campaign already in hand, with the influencer's side only: the campaign's side
 * is the same on every row. Three tables instead of six also keeps the planning short (it cost more
 * than running the query on a 21-row page). */
export function selectOffersOfCampaign(db: Db | Tx) {
  return db
    .select({ offer: offers, ...influencerSide })
    .from(offers)
    .innerJoin(offerInfluencer, eq(offerInfluencer.id, offers.influencerId))
    .leftJoin(influencerProfiles, eq(influencerProfiles.userId, offers.influencerId));
}
export type OfferWithParties = Awaited<ReturnType<typeof selectOffers>>[number];

/** One offer the actor may see (either side of it), or null: anyone else's is simply not found. Read
 * inside a transaction, built once (db/prepared.ts). */
export async function findOffer(tx: Tx, actor: Actor, id: string): Promise<OfferWithParties | null> {
  const rows = await preparedIn(tx, 'offer_visible', buildVisibleOffer).execute({ id, me: actor.id });
  return rows[0] ?? null;
}

/** findOffer on the app's handle, built once too: every offer page and the answer to each offer
 * action read an offer this way, and its six-table select is the widest to build. */
export async function findVisibleOffer(db: Db, actor: Actor, id: string): Promise<OfferWithParties | null> {
  const rows = await preparedOn(db, 'offer_visible', buildVisibleOffer).execute({ id, me: actor.id });
  return rows[0] ?? null;
}

const buildVisibleOffer = (db: Db | Tx, name: string) =>
  visibleOffer(db, sql.placeholder('me'), sql.placeholder('id')).prepare(name);

/** The offer by id if `me` may see it: values, or placeholders for a query built once. */
const visibleOffer = (db: Db | Tx, me: string | Placeholder, id: string | Placeholder) =>
  selectOffers(db)
    .where(and(eq(offers.id, id), offerVisibleTo({ id: me })))
    .limit(1);
