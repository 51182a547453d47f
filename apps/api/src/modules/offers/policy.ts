import {
  type CompletenessItem,
  type OfferAbilities,
  type OfferAction,
  type OfferStatus,
  openOfferStatuses,
} from '@bextr/contracts';
import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { AudienceRow, CampaignRow } from '../../db/schema.ts';

interface Actor {
  id: string;
  role: string;
}
/** What the rules need to know about an offer: its state, its influencer, its campaign. */
export interface OfferFacts {
  status: OfferStatus;
  influencerId: string;
  campaign: Pick<CampaignRow, 'ownerId' | 'status' | 'slots' | 'slotsFilled'>;
}

/** The named transitions of an offer: who may take each (the campaign's business or the offer's
 * influencer), the states it starts from, where it leads. `expire` is the campaign closing. */
export const offerTransitions = {
  shortlist: { by: 'business', from: ['pending'], to: 'shortlisted' },
  accept: { by: 'business', from: openOfferStatuses, to: 'accepted' },
  reject: { by: 'business', from: openOfferStatuses, to: 'rejected' },
  withdraw: { by: 'influencer', from: openOfferStatuses, to: 'withdrawn' },
} as const satisfies Record<
  OfferAction,
  { by: 'business' | 'influencer'; from: readonly OfferStatus[]; to: OfferStatus }
>;
export const expireTransition = { from: openOfferStatuses, to: 'expired' } as const;

/** Campaign states in which an offer may still be accepted (a slot taken). */
export const acceptingCampaignStatuses = ['published', 'paused'] as const;

export const isOfferInfluencer = (actor: Actor | null, offer: Pick<OfferFacts, 'influencerId'>) =>
  actor?.id === offer.influencerId;
export const isCampaignOwner = (actor: Actor | null, offer: Pick<OfferFacts, 'campaign'>) =>
  actor?.id === offer.campaign.ownerId;

/** The side an action belongs to: the business verbs are the campaign owner's, withdraw is the
 * influencer's. The other role is refused by the route (403, `by`); anyone else of the right role
 * is told the offer does not exist (404). */
export const isActorFor = (actor: Actor | null, offer: OfferFacts, action: OfferAction) =>
  offerTransitions[action].by === 'business'
    ? isCampaignOwner(actor, offer)
    : isOfferInfluencer(actor, offer);

/** A free slot on a campaign that still accepts (published or paused). */
export const hasFreeSlot = (campaign: OfferFacts['campaign']) =>
  (acceptingCampaignStatuses as readonly string[]).includes(campaign.status) &&
  campaign.slots !== null &&
  campaign.slotsFilled < campaign.slots;

export function canTakeAction(actor: Actor | null, offer: OfferFacts, action: OfferAction): boolean {
  const { from } = offerTransitions[action];
  if (!isActorFor(actor, offer, action) || !(from as readonly string[]).includes(offer.status)) return false;
  return action === 'accept' ? hasFreeSlot(offer.campaign) : true;
}

export function abilitiesFor(actor: Actor | null, offer: OfferFacts): OfferAbilities {
  return {
    shortlist: canTakeAction(actor, offer, 'shortlist'),
    accept: canTakeAction(actor, offer, 'accept'),
    reject: canTakeAction(actor, offer, 'reject'),
    withdraw: canTakeAction(actor, offer, 'withdraw'),
  };
}

/** Which offers the actor may see, as SQL over `offers` joined with its `campaigns` row and the
 * influencer's `users` row (aliased `offer_influencer`): the influencer sees its own; the business
 * those on its campaigns — but not the still open offers of a suspended influencer (PRODUCT.md). The id
 * may be a placeholder, for a query built once (db/prepared.ts). */
export function offerVisibleTo(actor: { id: string | Placeholder }): SQL {
  return sql`(offers.influencer_id = ${actor.id} or (campaigns.owner_id = ${actor.id} and ${offerShownToOwner()}))`;
}

/** offerVisibleTo for the campaign's owner, once the campaign is known to be theirs: an owner is a
 * business, never the offer's influencer, so only the second half can hold. Spelled alone, the
 * planner sees it keeps nearly every row and walks offers_campaign_idx in list order (the OR with
 * the influencer's id made it expect a handful of rows and sort the whole campaign's offers). */
export function offerShownToOwner(): SQL {
  return sql`(offer_influencer.status = 'active' or offers.status not in ('pending', 'shortlisted'))`;
}

/** Why an influencer may not send offers yet, as reason codes (ruleMessages): an unfinished profile,
 * an unverified e-mail. Empty when ready. */
export function sendRefusalReasons(missing: readonly CompletenessItem[]): string[] {
  const reasons: string[] = [];
  if (missing.some((item) => item !== 'email_verified')) reasons.push('profile_not_ready');
  if (missing.includes('email_verified')) reasons.push('email_unverified');
  return reasons;
}

/** The share (percent) of the audience living in the campaign's countries; null when the campaign
 * names no countries (remote only). */
export function audienceFit(audience: AudienceRow | null, countries: readonly string[]): number | null {
  if (countries.length === 0) return null;
  const wanted = new Set(countries);
  const sum = (audience?.countries ?? []).reduce((s, c) => (wanted.has(c.country) ? s + c.share : s), 0);
  return Math.min(100, Math.round(sum * 10) / 10);
}
