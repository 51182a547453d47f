import type {
  Campaign,
  CampaignDraftBody,
  InfluencerProfile,
  InfluencerProfileBody,
  Offer,
  OfferBody,
} from '@bextr/contracts';
import type { App } from '../../app.ts';
import { buildPublishedCampaign } from './campaigns.ts';
import { buildReadyInfluencer } from './influencers.ts';
import type { TestUser } from './users.ts';

export type OfferResponse = { offer: Offer };
export type OfferPage = { items: Offer[]; nextCursor: string | null };

/** A valid offer for the campaign: its deliverables, a price for a paid campaign or the barter terms
 * accepted for a barter one, a publish date on its first day. */
export function offerBody(campaign: Campaign, over: Partial<OfferBody> = {}): OfferBody {
  return {
    pitch: 'I film slow mornings in the Tatras; your coffee would fit my audience perfectly.',
    deliverables: campaign.deliverables,
    ...(campaign.compensation?.type === 'barter'
      ? { barterAccepted: true }
      : { price: { amount: 14_000, currency: 'EUR' as const } }),
    ...(campaign.startDate ? { proposedPublishDate: campaign.startDate } : {}),
    ...over,
  };
}

/** Sends an offer as the influencer; throws unless the API answers 201. */
export async function sendOffer(influencer: TestUser, campaign: Campaign, over: Partial<OfferBody> = {}) {
  const res = await influencer.client.post<OfferResponse>(
    `/api/v1/campaigns/${campaign.id}/offers`,
    offerBody(campaign, over),
  );
  if (res.status !== 201) throw new Error(`sending an offer answered ${res.status}: ${res.text}`);
  return res.body.offer;
}

/** A published campaign (of a new ready business unless given) with a pending offer from a new ready
 * influencer (unless given). */
export async function buildOffer(
  app: App,
  opts: {
    owner?: TestUser;
    campaign?: Partial<CampaignDraftBody>;
    influencer?: TestUser & { profile: InfluencerProfile };
    profile?: Partial<InfluencerProfileBody>;
    offer?: Partial<OfferBody>;
  } = {},
) {
  const { owner, campaign } = await buildPublishedCampaign(app, {
    ...(opts.owner ? { owner: opts.owner } : {}),
    ...(opts.campaign ? { campaign: opts.campaign } : {}),
  });
  const influencer =
    opts.influencer ?? (await buildReadyInfluencer(app, opts.profile ? { profile: opts.profile } : {}));
  const offer = await sendOffer(influencer, campaign, opts.offer);
  return { owner, campaign, influencer, offer };
}
