import { type Locale, type OfferBody, ruleMessages } from '@bextr/contracts';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  type CampaignRow,
  campaigns,
  conversationMembers,
  conversations,
  influencerProfiles,
  invitations,
  offers,
} from '../../db/schema.ts';
import { AppError, conflict, notFound, unprocessable } from '../../http/errors.ts';
import type { UserRow } from '../auth/sessions.ts';
import { campaignClosedReason, todayUtc } from '../campaigns/policy.ts';
import { getCampaign } from '../campaigns/service.ts';
import { profileParts } from '../influencers/facts.ts';
import { missingParts } from '../influencers/policy.ts';
import { notify } from '../notifications/service.ts';
import { publishOfferChanges } from './events.ts';
import { audienceFit, sendRefusalReasons } from './policy.ts';
import { findLiveOffer } from './queries.ts';

type FieldError = { path: string; code: string; message: string };

const field = (path: string, code: string, locale: Locale): FieldError => ({
  path,
  code,
  message: ruleMessages[locale][code] ?? code,
});

/** 422 unless the influencer may send offers: a ready profile and a verified e-mail. The details say
 * exactly what is missing, so the form can link there. */
async function assertReadyToSend(db: Db, user: UserRow, locale: Locale) {
  const [profile] = await db.select().from(influencerProfiles).where(eq(influencerProfiles.userId, user.id));
  const parts = profile
    ? await profileParts(db, profile)
    : { basics: false, socialAccounts: 0, audience: false, portfolio: 0, insightsWithScreenshots: 0 };
  const missing = missingParts(parts, user.emailVerifiedAt !== null);
  const reasons = sendRefusalReasons(missing);
  if (reasons.length === 0) return;
  throw unprocessable({
    reasons: reasons.map((code) => ({ code, message: ruleMessages[locale][code] ?? code })),
    missing,
  });
}

/** The rules of an offer that depend on its campaign, as field errors in the user's language. */
export function offerFieldErrors(
  campaign: CampaignRow,
  body: OfferBody,
  locale: Locale,
  today = todayUtc(),
): FieldError[] {
  const errors: FieldError[] = [];
  if (campaign.compensationType === 'paid' && !body.price)
    errors.push(field('price', 'price_required', locale));
  if (campaign.compensationType === 'barter') {
    if (body.price) errors.push(field('price', 'price_not_for_barter', locale));
    if (body.barterAccepted !== true) errors.push(field('barterAccepted', 'barter_not_accepted', locale));
  }
  body.deliverables.forEach((d, i) => {
    if (!campaign.networks.includes(d.network))
      errors.push(field(`deliverables.${i}.network`, 'deliverable_network', locale));
  });
  const date = body.proposedPublishDate;
  if (
    date &&
    ((campaign.startDate !== null && date < campaign.startDate) ||
      (campaign.endDate !== null && date > campaign.endDate))
  )
    errors.push(field('proposedPublishDate', 'publish_date_outside', locale));
  else if (date && date < today)
    // The window may have begun already (the deadline can fall after the start): no past dates.
    errors.push(field('proposedPublishDate', 'publish_date_past', locale));
  return errors;
}

/** The invitation the offer answers must be the influencer's own, to this campaign. */
async function assertInvitation(tx: Tx, opts: { id: string; campaignId: string; influencerId: string }) {
  const [row] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.id, opts.id),
        eq(invitations.campaignId, opts.campaignId),
        eq(invitations.influencerId, opts.influencerId),
      ),
    );
  if (!row)
    throw new AppError(400, 'VALIDATION_FAILED', {
      fields: [{ path: 'invitationId', code: 'invitation_unknown' }],
    });
}

/** Sends an offer: 404 for a campaign the influencer may not see, 422 while the profile is not ready,
 * 409 when the campaign does not take offers (not open, full) or a live offer exists, 400 for the
 * campaign-specific field rules. In one transaction, holding the campaign row (FOR SHARE: concurrent
 * offers do not wait for each other, but a close or an edit does wait for them): the thread, the
 * offer with its audience-fit snapshot, the business's notification. The partial unique index
 * `offers_live_key` settles a double submit: the loser gets the same 409. */
export async function sendOffer(
  ctx: AppContext,
  opts: { user: UserRow; campaignId: string; body: OfferBody; locale: Locale },
): Promise<string> {
  const { user, body, locale } = opts;
  await getCampaign(ctx, { user, id: opts.campaignId });
  await assertReadyToSend(ctx.db, user, locale);
  try {
    const offerId = await ctx.db.transaction(async (tx) => {
      const [campaign] = await tx
        .select()
        .from(campaigns)
        .where(eq(campaigns.id, opts.campaignId))
        .for('share');
      if (!campaign) throw notFound();
      const closed = campaignClosedReason(campaign);
      if (closed) throw conflict(closed);
      if (await findLiveOffer(tx, campaign.id, user.id)) throw conflict('ALREADY_OFFERED');
      const fields = offerFieldErrors(campaign, body, locale);
      if (fields.length > 0) throw new AppError(400, 'VALIDATION_FAILED', { fields });
      if (body.invitationId)
        await assertInvitation(tx, { id: body.invitationId, campaignId: campaign.id, influencerId: user.id });

      const [profile] = await tx
        .select({ audience: influencerProfiles.audience })
        .from(influencerProfiles)
        .where(eq(influencerProfiles.userId, user.id));
      const now = new Date();
      const [conversation] = await tx
        .insert(conversations)
        .values({ businessId: campaign.ownerId, influencerId: user.id, createdAt: now, lastActivityAt: now })
        .returning({ id: conversations.id });
      if (!conversation) throw new Error('conversation not inserted');
      await tx.insert(conversationMembers).values([
        { conversationId: conversation.id, userId: campaign.ownerId },
        { conversationId: conversation.id, userId: user.id },
      ]);
      const [offer] = await tx
        .insert(offers)
        .values({
          campaignId: campaign.id,
          influencerId: user.id,
          status: 'pending',
          pitch: body.pitch,
          deliverables: body.deliverables.map((d) => ({
            type: d.type,
            network: d.network,
            quantity: d.quantity,
            ...(d.notes ? { notes: d.notes } : {}),
          })),
          priceAmount: campaign.compensationType === 'paid' ? (body.price?.amount ?? null) : null,
          currency: 'EUR',
          barterAccepted: campaign.compensationType === 'barter' && body.barterAccepted === true,
          proposedPublishDate: body.proposedPublishDate ?? null,
          audienceFit: audienceFit(profile?.audience ?? null, campaign.countries),
          conversationId: conversation.id,
          invitationId: body.invitationId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: offers.id });
      if (!offer) throw new Error('offer not inserted');
      await notify(ctx, tx, [
        {
          userId: campaign.ownerId,
          kind: 'offer_received',
          actorId: user.id,
          campaignId: campaign.id,
          offerId: offer.id,
        },
      ]);
      await publishOfferChanges(tx, [
        {
          offerId: offer.id,
          campaignId: campaign.id,
          conversationId: conversation.id,
          status: 'pending',
          businessId: campaign.ownerId,
          influencerId: user.id,
        },
      ]);
      return offer.id;
    });
    ctx.outbox.kick();
    return offerId;
  } catch (error) {
    if (!(error instanceof AppError) && isUniqueViolation(error, 'offers_live_key'))
      throw conflict('ALREADY_OFFERED');
    throw error;
  }
}
