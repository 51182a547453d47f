import { liveOfferStatuses, type Offer, type OfferStatus } from '@bextr/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/index.ts';

/** Query keys of the influencer's offers and invitations; everything under `['offers']` is
 * refreshed after an offer is sent or withdrawn. */
export const offerKeys = {
  all: ['offers'] as const,
  mine: (status: string) => ['offers', 'mine', 'list', status] as const,
  latest: ['offers', 'mine', 'latest'] as const,
  liveOn: (campaignId: string) => ['offers', 'mine', 'live-on', campaignId] as const,
  invitations: ['offers', 'invitations'] as const,
};

export const isLiveOffer = (status: OfferStatus) =>
  (liveOfferStatuses as readonly OfferStatus[]).includes(status);

/** Pages of GET /offers/mine looked through for a live offer on one campaign (100 offers a page). */
const MAX_PAGES = 5;

/** The influencer's live offer (pending, shortlisted or accepted) on a campaign, or null. The API has
 * no campaign filter on /offers/mine, so the newest offers are searched; when an older live offer is
 * missed, sending answers 409 ALREADY_OFFERED and the page says so. */
export function useLiveOfferOn(campaignId: string, enabled: boolean) {
  return useQuery({
    queryKey: offerKeys.liveOn(campaignId),
    enabled,
    queryFn: async ({ signal }): Promise<Offer | null> => {
      let cursor = '';
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await api.offers.mine({ limit: 100, ...(cursor ? { cursor } : {}) }, signal);
        const live = result.items.find((o) => o.campaign.id === campaignId && isLiveOffer(o.status));
        if (live) return live;
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      return null;
    },
  });
}

/** The influencer's newest offers, for the dashboard. */
export function useLatestOffers(enabled: boolean, limit = 5) {
  return useQuery({
    queryKey: offerKeys.latest,
    enabled,
    queryFn: ({ signal }) => api.offers.mine({ limit }, signal),
  });
}

/** One of the influencer's invitations (looked up among the newest 100), or null. */
export function useMyInvitation(id: string | null) {
  return useQuery({
    queryKey: [...offerKeys.invitations, 'one', id ?? ''],
    enabled: id !== null,
    queryFn: async ({ signal }) => {
      const page = await api.offers.myInvitations({ limit: 100 }, signal);
      return page.items.find((invitation) => invitation.id === id) ?? null;
    },
  });
}
