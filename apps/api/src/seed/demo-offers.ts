import type { NotificationKind, OfferStatus } from '@bextr/contracts';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import {
  type CampaignRow,
  campaigns,
  conversations,
  influencerProfiles,
  invitations,
  notifications,
  offers,
  users,
} from '../db/schema.ts';
import { audienceFit } from '../modules/offers/policy.ts';
import { type DemoOffer, invitationPlan, plan } from './demo-offers-plan.ts';

const decidedKinds: Partial<Record<OfferStatus, NotificationKind>> = {
  shortlisted: 'offer_shortlisted',
  accepted: 'offer_accepted',
  rejected: 'offer_rejected',
  expired: 'offer_expired',
};

function proposedDate(campaign: CampaignRow, offset: number): string | null {
  if (!campaign.startDate || !campaign.endDate) return null;
  const start = Date.parse(`${campaign.startDate}T00:00:00Z`);
  const span = Math.max(0, (Date.parse(`${campaign.endDate}T00:00:00Z`) - start) / 86_400_000);
  return new Date(start + Math.min(span, offset) * 86_400_000).toISOString().slice(0, 10);
}

async function insertOffer(tx: Tx, campaign: CampaignRow, spec: DemoOffer, influencerId: string, at: Date) {
  const [profile] = await tx
    .select({ audience: influencerProfiles.audience })
    .from(influencerProfiles)
    .where(eq(influencerProfiles.userId, influencerId));
  const [thread] = await tx
    .insert(conversations)
    .values({ businessId: campaign.ownerId, influencerId, createdAt: at, lastActivityAt: at })
    .returning({ id: conversations.id });
  if (!thread) throw new Error('conversation not inserted');
  const paid = campaign.compensationType === 'paid';
  const decided = spec.status !== 'pending' && spec.status !== 'shortlisted';
  const later = new Date(at.getTime() + 20 * 60_000);
  const [offer] = await tx
    .insert(offers)
    .values({
      campaignId: campaign.id,
      influencerId,
      status: spec.status,
      pitch: spec.pitch,
      deliverables: campaign.deliverables,
      priceAmount:
        paid && campaign.amount ? Math.round((campaign.amount * (spec.priceFactor ?? 1)) / 100) * 100 : null,
      barterAccepted: !paid,
      proposedPublishDate: proposedDate(campaign, 3 + (spec.handle.length % 10)),
      rejectionReason: spec.reason ?? null,
      audienceFit: audienceFit(profile?.audience ?? null, campaign.countries),
      conversationId: thread.id,
      decidedAt: decided ? later : null,
      createdAt: at,
      updatedAt: spec.status === 'pending' ? at : later,
    })
    .returning({ id: offers.id });
  if (!offer) throw new Error('offer not inserted');
  const events: (typeof notifications.$inferInsert)[] = [
    {
      userId: campaign.ownerId,
      kind: 'offer_received',
      actorId: influencerId,
      campaignId: campaign.id,
      offerId: offer.id,
      readAt: spec.status === 'pending' ? null : later,
      createdAt: at,
    },
  ];
  const decidedKind = decidedKinds[spec.status];
  if (decidedKind)
    events.push({
      userId: influencerId,
      kind: decidedKind,
      actorId: campaign.ownerId,
      campaignId: campaign.id,
      offerId: offer.id,
      createdAt: later,
    });
  if (spec.status === 'withdrawn')
    events.push({
      userId: campaign.ownerId,
      kind: 'offer_withdrawn',
      actorId: influencerId,
      campaignId: campaign.id,
      offerId: offer.id,
      createdAt: later,
    });
  await tx.insert(notifications).values(events);
}

/** Offers in every state on the demo campaigns, each with its thread; invitations; the notifications
 * those events made; `slots_filled` equal to the accepted offers of each campaign. */
export async function seedDemoOffers(db: Db): Promise<void> {
  const names = [...new Set([...Object.keys(plan), ...Object.keys(invitationPlan)])];
  const found = await db.select().from(campaigns).where(inArray(campaigns.name, names));
  const byName = new Map(found.map((c) => [c.name ?? '', c]));
  const people = await db
    .select({ id: influencerProfiles.userId, handle: influencerProfiles.handle })
    .from(influencerProfiles)
    .innerJoin(users, eq(users.id, influencerProfiles.userId))
    .where(eq(users.isDemo, true));
  const idOf = new Map(people.map((p) => [p.handle ?? '', p.id]));

  // Every event happens a few minutes after the campaign was published, in plan order.
  const after = (campaign: CampaignRow, step: number) =>
    new Date((campaign.publishedAt ?? campaign.createdAt).getTime() + step * 5 * 60_000);
  await db.transaction(async (tx) => {
    for (const [name, specs] of Object.entries(plan)) {
      const campaign = byName.get(name);
      if (!campaign) continue;
      for (const [i, spec] of specs.entries()) {
        const influencerId = idOf.get(spec.handle);
        if (influencerId) await insertOffer(tx, campaign, spec, influencerId, after(campaign, i + 1));
      }
      await tx
        .update(campaigns)
        .set({
          slotsFilled: sql`(select count(*)::int from ${offers} where ${offers.campaignId} = ${campaign.id} and ${offers.status} = 'accepted')`,
        })
        .where(eq(campaigns.id, campaign.id));
    }
    for (const [name, invites] of Object.entries(invitationPlan)) {
      const campaign = byName.get(name);
      if (!campaign) continue;
      for (const [i, invite] of invites.entries()) {
        const influencerId = idOf.get(invite.handle);
        if (!influencerId) continue;
        const at = after(campaign, 12 + i);
        await tx
          .insert(invitations)
          .values({ campaignId: campaign.id, influencerId, message: invite.message, createdAt: at });
        await tx.insert(notifications).values({
          userId: influencerId,
          kind: 'invitation_received',
          actorId: campaign.ownerId,
          campaignId: campaign.id,
          createdAt: at,
        });
      }
    }
  });
}
