import { liveOfferStatuses } from '@bextr/contracts';
import { type AnyColumn, and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import {
  campaigns,
  conversationMembers,
  conversations,
  influencerProfiles,
  offers,
  users,
} from '../../db/schema.ts';
import { readinessFields } from '../influencers/facts.ts';

/** The campaign an offer is sent to, held FOR SHARE until the transaction ends (concurrent offers do
 * not wait for each other, but a close or an edit waits for them), with all else the checks of a
 * send need in the same round trip: whether its business is active (visibility), the sender's
 * profile readiness (and audience), and whether the sender has a live offer on it already. Only the
 * columns the checks and the offer read. No row: no such campaign. */
export async function holdCampaignForOffer(tx: Tx, campaignId: string, influencerId: string) {
  const [row] = await tx
    .select({
      campaign: {
        id: campaigns.id,
        ownerId: campaigns.ownerId,
        status: campaigns.status,
        compensationType: campaigns.compensationType,
        networks: campaigns.networks,
        countries: campaigns.countries,
        startDate: campaigns.startDate,
        endDate: campaigns.endDate,
        applicationDeadline: campaigns.applicationDeadline,
        slots: campaigns.slots,
        slotsFilled: campaigns.slotsFilled,
      },
      ownerActive: sql<boolean>`${users.status} = 'active'`,
      ...readinessFields(influencerId),
      offered: sql<boolean>`exists (select 1 from ${offers} where ${liveOfferOf(campaigns.id, influencerId)})`,
    })
    .from(campaigns)
    .innerJoin(users, eq(users.id, campaigns.ownerId))
    .leftJoin(influencerProfiles, eq(influencerProfiles.userId, influencerId))
    .where(eq(campaigns.id, campaignId))
    .for('share', { of: campaigns });
  return row ?? null;
}
/** Whether the influencer has a live offer (pending, shortlisted, accepted) on the campaign now. */
export async function hasLiveOffer(tx: Tx, campaignId: string, influencerId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: offers.id })
    .from(offers)
    .where(liveOfferOf(campaignId, influencerId))
    .limit(1);
  return rows.length > 0;
}

/** The influencer's live offer (pending, shortlisted, accepted) on a campaign, as a condition. */
const liveOfferOf = (campaignId: string | AnyColumn, influencerId: string) =>
  and(
    eq(offers.campaignId, campaignId),
    eq(offers.influencerId, influencerId),
    inArray(offers.status, [...liveOfferStatuses]),
  );

export type HeldCampaign = NonNullable<Awaited<ReturnType<typeof holdCampaignForOffer>>>['campaign'];

/** Inserts an offer with its thread (the conversation and its two members) in one statement: the
 * thread's inserts ride along as data-modifying CTEs, their foreign keys checked at the statement's
 * end. Ids are made here as the schema's `$defaultFn` makes them (drizzle applies those only in its
 * insert builder, not to SQL written by hand). Returns the ids of the offer and the conversation. */
export async function insertOfferWithThread(
  tx: Tx,
  opts: {
    businessId: string;
    offer: Omit<typeof offers.$inferInsert, 'id' | 'conversationId'> & { influencerId: string };
    now: Date;
  },
) {
  const conversationId = newId();
  const { businessId, now } = opts;
  const influencerId = opts.offer.influencerId;
  const at = now.toISOString();
  const conversation = tx.$with('new_conversation', {}).as(
    sql`insert into ${conversations} (id, business_id, influencer_id, created_at, last_activity_at)
      values (${conversationId}, ${businessId}, ${influencerId}, ${at}::timestamptz, ${at}::timestamptz)`,
  );
  const members = tx.$with('new_members', {}).as(
    sql`insert into ${conversationMembers} (conversation_id, user_id)
      values (${conversationId}, ${businessId}), (${conversationId}, ${influencerId})`,
  );
  const [offer] = await tx
    .with(conversation, members)
    .insert(offers)
    .values({ ...opts.offer, conversationId })
    .returning({ id: offers.id });
  if (!offer) throw new Error('offer not inserted');
  return { offerId: offer.id, conversationId };
}
