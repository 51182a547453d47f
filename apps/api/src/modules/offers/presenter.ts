import { type Deliverable, imageRef, type Offer } from '@bextr/contracts';
import type { ShownCampaign } from '../../db/schema.ts';
import { imageUrl, presentCampaignBusiness } from '../campaigns/presenter.ts';
import { compensationOf } from '../campaigns/values.ts';
import { ratingSummary } from '../reviews/rating.ts';
import { abilitiesFor } from './policy.ts';
import type { OfferWithParties } from './queries.ts';

interface Actor {
  id: string;
  role: string;
}

/** The campaign as shown next to an offer or an invitation. */
export function presentOfferCampaign(row: {
  campaign: ShownCampaign;
  businessName: string;
  logoUploadId: string | null;
}): Offer['campaign'] {
  const { campaign } = row;
  return {
    id: campaign.id,
    name: campaign.name ?? '',
    status: campaign.status,
    compensation: compensationOf(campaign),
    coverUrl: imageUrl(campaign.coverUploadId),
    slots: campaign.slots,
    slotsFilled: campaign.slotsFilled,
    business: presentCampaignBusiness(campaign, row.businessName, row.logoUploadId),
  };
}

/** An offer as either side sees it, with what the viewer may do with it now. The influencer summary
 * carries no e-mail; the audience fit is the snapshot taken when the offer was sent. */
export function presentOffer(actor: Actor, row: OfferWithParties): Offer {
  const { offer } = row;
  return {
    id: offer.id,
    status: offer.status,
    campaign: presentOfferCampaign(row),
    influencer: {
      id: offer.influencerId,
      handle: row.handle ?? '',
      displayName: row.displayName,
      avatar: row.avatarUploadId ? imageRef(row.avatarUploadId) : null,
      tier: row.tier,
      followers: row.followers,
      engagementRate: row.engagementRate,
      audienceFit: offer.audienceFit,
      rating: ratingSummary(row),
    },
    pitch: offer.pitch,
    deliverables: offer.deliverables as Deliverable[],
    price: offer.priceAmount !== null ? { amount: offer.priceAmount, currency: 'EUR' } : null,
    barterAccepted: offer.barterAccepted,
    proposedPublishDate: offer.proposedPublishDate,
    rejectionReason: offer.rejectionReason,
    conversationId: offer.conversationId,
    invitationId: offer.invitationId,
    abilities: abilitiesFor(actor, { ...offer, campaign: row.campaign }),
    decidedAt: offer.decidedAt?.toISOString() ?? null,
    createdAt: offer.createdAt.toISOString(),
    updatedAt: offer.updatedAt.toISOString(),
  };
}
