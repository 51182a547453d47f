import { type Locale, type OfferBody, ruleMessages } from '@bextr/contracts';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { invitations } from '../../db/schema.ts';
import { together } from '../../db/together.ts';
import { AppError, conflict, notFound, unprocessable } from '../../http/errors.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { campaignClosedReason, canView, todayUtc } from '../campaigns/policy.ts';
import { readinessOf } from '../influencers/facts.ts';
import { missingParts, type ProfileParts } from '../influencers/policy.ts';
import { notify } from '../notifications/service.ts';
import { offerChangeEvents } from './events.ts';
import { audienceFit, sendRefusalReasons } from './policy.ts';
import { findOffer, type OfferWithParties } from './queries.ts';
import {
  type HeldCampaign,
  hasLiveOffer,
  holdCampaignForOffer,
  insertOfferWithThread,
} from './send-queries.ts';

type FieldError = { path: string; code: string; message: string };

const field = (path: string, code: string, locale: Locale): FieldError => ({
  path,
  code,
  message: ruleMessages[locale][code] ?? code,
});

/** 422 unless the influencer may send offers: a ready profile and a verified e-mail. The details say
 * exactly what is missing, so the form can link there. */
function assertReadyToSend(parts: ProfileParts, user: SessionUser, locale: Locale) {
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
  campaign: HeldCampaign,
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
 * `offers_live_key` settles a double submit: the loser gets the same 409. Round trips cost the app
 * more than the database's work here, so they are few: the checks (in their order) read all they need
 * in one, the thread and the offer are written in one, the offer's live events go with the
 * notification's, and the offer as the answer shows it is read in the transaction, together with
 * the notification (statements issued at once share a round trip: db/client.ts). */
export async function sendOffer(
  ctx: AppContext,
  opts: { user: SessionUser; campaignId: string; body: OfferBody; locale: Locale },
): Promise<OfferWithParties> {
  const { user, body, locale } = opts;
  try {
    const offer = await ctx.db.transaction(async (tx) => {
      const held = await holdCampaignForOffer(tx, opts.campaignId, user.id);
      if (!held || !canView(user, held.campaign, held.ownerActive)) throw notFound();
      const readiness = readinessOf(held);
      assertReadyToSend(readiness.parts, user, locale);
      const { campaign } = held;
      const closed = campaignClosedReason(campaign);
      if (closed) throw conflict(closed);
      // `offered` was read with the statement's snapshot, taken before any wait for the row lock: a
      // "yes" is read again (each statement sees what committed before it); a stale "no" meets
      // offers_live_key at the insert.
      if (held.offered && (await hasLiveOffer(tx, campaign.id, user.id))) throw conflict('ALREADY_OFFERED');
      const fields = offerFieldErrors(campaign, body, locale);
      if (fields.length > 0) throw new AppError(400, 'VALIDATION_FAILED', { fields });
      if (body.invitationId)
        await assertInvitation(tx, { id: body.invitationId, campaignId: campaign.id, influencerId: user.id });

      const now = new Date();
      const { offerId, conversationId } = await insertOfferWithThread(tx, {
        businessId: campaign.ownerId,
        now,
        offer: {
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
          audienceFit: audienceFit(readiness.audience, campaign.countries),
          invitationId: body.invitationId ?? null,
          createdAt: now,
          updatedAt: now,
        },
      });
      const received = {
        userId: campaign.ownerId,
        kind: 'offer_received' as const,
        actorId: user.id,
        campaignId: campaign.id,
        offerId,
      };
      const change = {
        offerId,
        campaignId: campaign.id,
        conversationId,
        status: 'pending' as const,
        businessId: campaign.ownerId,
        influencerId: user.id,
      };
      // The offer's live events go out with the notification's, in one round trip.
      const [, sent] = await together([
        notify(ctx, tx, [received], offerChangeEvents([change])),
        findOffer(tx, user, offerId),
      ]);
      if (!sent) throw new Error('the offer just sent is not found');
      return sent;
    });
    ctx.outbox.kick();
    return offer;
  } catch (error) {
    if (!(error instanceof AppError) && isUniqueViolation(error, 'offers_live_key'))
      throw conflict('ALREADY_OFFERED');
    throw error;
  }
}
