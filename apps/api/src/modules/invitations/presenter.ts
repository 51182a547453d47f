import type { Invitation } from '@bextr/contracts';
import { isOpen } from '../campaigns/policy.ts';
import { presentOfferCampaign } from '../offers/presenter.ts';
import type { InvitationWithParties } from './service.ts';

/** An invitation as the influencer (or the inviting business) sees it: the campaign, whether it
 * still takes offers, and the influencer's live offer on it. */
export function presentInvitation(row: InvitationWithParties): Invitation {
  const { invitation, campaign } = row;
  return {
    id: invitation.id,
    campaign: {
      ...presentOfferCampaign(row),
      applicationDeadline: campaign.applicationDeadline,
      isOpen: isOpen(campaign),
    },
    influencer: { id: invitation.influencerId, handle: row.handle ?? '', displayName: row.displayName },
    message: invitation.message,
    offer: row.offerId && row.offerStatus ? { id: row.offerId, status: row.offerStatus } : null,
    createdAt: invitation.createdAt.toISOString(),
  };
}
