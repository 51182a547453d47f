import { type OfferAction, openOfferStatuses } from '@bextr/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { campaigns, offers } from '../../db/schema.ts';
import { conflict, notFound } from '../../http/errors.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { createCollaboration } from '../collaborations/create.ts';
import { type NewNotification, notify } from '../notifications/service.ts';
import { publishOfferChanges } from './events.ts';
import { acceptingCampaignStatuses, expireTransition, isActorFor, offerTransitions } from './policy.ts';
import { findOffer, findVisibleOffer } from './queries.ts';

/** An offer for either side of it; 404 for anyone else. */
export async function getOffer(ctx: AppContext, opts: { user: SessionUser; id: string }) {
  const found = await findVisibleOffer(ctx.db, opts.user, opts.id);
  if (!found) throw notFound();
  return found;
}

/** Takes one slot of the campaign: a guarded counter, `slots_filled + 1` only while it stays within
 * `slots` and the campaign still accepts (published or paused). The row lock it takes queues every
 * other accept on the campaign, each of which re-checks the guard against the committed count; the
 * CHECK constraint `campaigns_slots_filled_within` is the last word. No row: 409. */
async function takeSlot(tx: Tx, campaignId: string) {
  const [taken] = await tx
    .update(campaigns)
    .set({ slotsFilled: sql`${campaigns.slotsFilled} + 1` })
    .where(
      and(
        eq(campaigns.id, campaignId),
        inArray(campaigns.status, [...acceptingCampaignStatuses]),
        sql`${campaigns.slotsFilled} < ${campaigns.slots}`,
      ),
    )
    .returning({ id: campaigns.id });
  if (taken) return;
  const [campaign] = await tx
    .select({ status: campaigns.status })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  const accepting = (acceptingCampaignStatuses as readonly string[]).includes(campaign?.status ?? '');
  throw conflict(accepting ? 'CAMPAIGN_FULL' : 'CONFLICT');
}

/** Holds the campaign row (FOR KEY SHARE: what the notification's foreign key takes anyway) before
 * the offer row is touched. Without it a shortlist, reject or withdraw would lock its offer first
 * and the campaign second, while a close locks the campaign (FOR UPDATE) and then the offers: a
 * deadlock. It does not queue behind accepts (their UPDATE takes FOR NO KEY UPDATE). */
async function holdCampaign(tx: Tx, campaignId: string) {
  await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, campaignId)).for('key share');
}

/** Moves an offer along one named transition, for the side it belongs to (anyone else: 404). The
 * UPDATE is conditional on the states the transition starts from, so of two racing calls one wins
 * and the other gets 409; accepting takes a slot in the same transaction. Every transition locks the
 * campaign row first and the offer second, the order a close uses too, so they queue instead of
 * deadlocking. */
export async function decideOffer(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; action: OfferAction; reason?: string | undefined },
) {
  const { from, to } = offerTransitions[opts.action];
  await ctx.db.transaction(async (tx) => {
    const found = await findOffer(tx, opts.user, opts.id);
    if (!found || !isActorFor(opts.user, { ...found.offer, campaign: found.campaign }, opts.action))
      throw notFound();
    if (!(from as readonly string[]).includes(found.offer.status)) throw conflict();
    if (opts.action === 'accept') await takeSlot(tx, found.campaign.id);
    else await holdCampaign(tx, found.campaign.id);
    const now = new Date();
    const [moved] = await tx
      .update(offers)
      .set({
        status: to,
        updatedAt: now,
        ...(to === 'shortlisted' ? {} : { decidedAt: now }),
        ...(opts.action === 'reject' ? { rejectionReason: opts.reason || null } : {}),
      })
      .where(and(eq(offers.id, found.offer.id), inArray(offers.status, [...from])))
      .returning({ id: offers.id });
    // Lost the race: the rollback also gives the slot back.
    if (!moved) throw conflict();
    // The agreement is frozen in the same transaction: no accepted offer without its collaboration.
    if (opts.action === 'accept')
      await createCollaboration(tx, { offer: found.offer, campaign: found.campaign, now });
    const toInfluencer = opts.action !== 'withdraw';
    const event: NewNotification = {
      userId: toInfluencer ? found.offer.influencerId : found.campaign.ownerId,
      kind: `offer_${to}`,
      actorId: opts.user.id,
      campaignId: found.campaign.id,
      offerId: found.offer.id,
    };
    await notify(ctx, tx, [event]);
    await publishOfferChanges(tx, [
      {
        offerId: found.offer.id,
        campaignId: found.campaign.id,
        conversationId: found.offer.conversationId,
        status: to,
        businessId: found.campaign.ownerId,
        influencerId: found.offer.influencerId,
      },
    ]);
  });
  ctx.outbox.kick();
  return getOffer(ctx, opts);
}

/** Inside the transaction that closes a campaign (which holds its row): every offer still pending or
 * shortlisted expires; its influencer is told (notification, e-mail) and both sides' pages hear of it.
 * The caller kicks the outbox after its commit. */
export async function expireOpenOffers(
  ctx: { baseUrl: string },
  tx: Tx,
  opts: { campaignId: string; actorId: string },
) {
  const now = new Date();
  const expired = await tx
    .update(offers)
    .set({ status: expireTransition.to, decidedAt: now, updatedAt: now })
    .where(and(eq(offers.campaignId, opts.campaignId), inArray(offers.status, [...openOfferStatuses])))
    .returning({ id: offers.id, influencerId: offers.influencerId, conversationId: offers.conversationId });
  if (expired.length === 0) return 0;
  await notify(
    ctx,
    tx,
    expired.map((offer) => ({
      userId: offer.influencerId,
      kind: 'offer_expired' as const,
      actorId: opts.actorId,
      campaignId: opts.campaignId,
      offerId: offer.id,
    })),
  );
  const [campaign] = await tx
    .select({ ownerId: campaigns.ownerId })
    .from(campaigns)
    .where(eq(campaigns.id, opts.campaignId));
  if (!campaign) throw new Error('campaign missing');
  await publishOfferChanges(
    tx,
    expired.map((offer) => ({
      offerId: offer.id,
      campaignId: opts.campaignId,
      conversationId: offer.conversationId,
      status: expireTransition.to,
      businessId: campaign.ownerId,
      influencerId: offer.influencerId,
    })),
  );
  return expired.length;
}
