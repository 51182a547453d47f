import { liveOfferStatuses } from '@bextr/contracts';
import { type AnyColumn, and, eq, inArray, type Placeholder, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { preparedIn } from '../../db/prepared.ts';
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
 * columns the checks and the offer read. Built once (db/prepared.ts). No row: no such campaign. */
export async function holdCampaignForOffer(tx: Tx, campaignId: string, influencerId: string) {
  const query = preparedIn(tx, 'offer_hold', (t, name) =>
    holdQuery(t, sql.placeholder('campaign'), sql.placeholder('influencer')).prepare(name),
  );
  const [row] = await query.execute({ campaign: campaignId, influencer: influencerId });
  return row ?? null;
}

const holdQuery = (tx: Tx, campaignId: Placeholder, influencerId: Placeholder) =>
  tx
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
const liveOfferOf = (campaignId: string | AnyColumn, influencerId: string | Placeholder) =>
  and(
    eq(offers.campaignId, campaignId),
    eq(offers.influencerId, influencerId),
    inArray(offers.status, [...liveOfferStatuses]),
  );

export type HeldCampaign = NonNullable<Awaited<ReturnType<typeof holdCampaignForOffer>>>['campaign'];

/** Every value of an offer's insert, named: the statement is built once (db/prepared.ts). */
const offerValues = [
  'campaignId',
  'influencerId',
  'status',
  'pitch',
  'deliverables',
  'priceAmount',
  'currency',
  'barterAccepted',
  'proposedPublishDate',
  'audienceFit',
  'invitationId',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof typeof offers.$inferInsert)[];

/** A new offer with every value given (null where it has none): the insert built once sets every
 * column. */
type NewOffer = Required<Pick<typeof offers.$inferInsert, (typeof offerValues)[number]>> & {
  influencerId: string;
};

/** Inserts an offer with its thread (the conversation and its two members) in one statement: the
 * thread's inserts ride along as data-modifying CTEs, their foreign keys checked at the statement's
 * end. Ids are made here as the schema's `$defaultFn` makes them (drizzle applies those only in its
 * insert builder, not to SQL written by hand). Returns the ids of the offer and the conversation. */
export async function insertOfferWithThread(
  tx: Tx,
  opts: { businessId: string; offer: NewOffer; now: Date },
) {
  const query = preparedIn(tx, 'offer_insert', (t, name) => insertOfferQuery(t).prepare(name));
  const values: Record<string, unknown> = {
    id: newId(),
    conversationId: newId(),
    businessId: opts.businessId,
    at: opts.now.toISOString(),
  };
  for (const key of offerValues) values[key] = opts.offer[key];
  const [offer] = await query.execute(values);
  if (!offer) throw new Error('offer not inserted');
  return { offerId: offer.id, conversationId: values.conversationId as string };
}

function insertOfferQuery(tx: Tx) {
  const p = (name: string) => sql.placeholder(name);
  const conversation = tx.$with('new_conversation', {}).as(
    sql`insert into ${conversations} (id, business_id, influencer_id, created_at, last_activity_at)
      values (${p('conversationId')}, ${p('businessId')}, ${p('influencerId')}, ${p('at')}::timestamptz, ${p('at')}::timestamptz)`,
  );
  const members = tx.$with('new_members', {}).as(
    sql`insert into ${conversationMembers} (conversation_id, user_id)
      values (${p('conversationId')}, ${p('businessId')}), (${p('conversationId')}, ${p('influencerId')})`,
  );
  const row = Object.fromEntries(
    ['id', 'conversationId', ...offerValues].map((key) => [key, p(key)]),
  ) as unknown as typeof offers.$inferInsert;
  return tx.with(conversation, members).insert(offers).values(row).returning({ id: offers.id });
}
