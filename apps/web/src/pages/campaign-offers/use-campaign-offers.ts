import type { CampaignOffersQuery, Offer } from '@bextr/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, isApiError } from '../../api/index.ts';
import { useCursorPages } from '../../components/use-cursor-pages.ts';
import { useErrorMessage } from '../../errors/use-error-message.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { campaignKey } from '../campaign/use-campaign.ts';

export const campaignOffersKey = (campaignId: string) => ['offers', 'campaign', campaignId] as const;

/** The owner's offers on one campaign, filtered and sorted as the URL says, page by page. */
export function useCampaignOffers(campaignId: string, query: Partial<CampaignOffersQuery>) {
  return useCursorPages<Offer>([...campaignOffersKey(campaignId), query], (cursor, signal) =>
    api.offers.forCampaign(campaignId, { ...query, ...(cursor ? { cursor } : {}) }, signal),
  );
}

export type Decision = { action: 'shortlist' } | { action: 'accept' } | { action: 'reject'; reason?: string };

/** Shortlist, accept or reject an offer. Whatever the outcome — a 409 included, since then the
 * list on screen is stale — the offers, the campaign (its slots) and the dashboard are refetched. */
export function useOfferDecision(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ offerId, decision }: { offerId: string; decision: Decision }) => {
      switch (decision.action) {
        case 'shortlist':
          return api.offers.shortlist(offerId);
        case 'accept':
          return api.offers.accept(offerId);
        case 'reject':
          return api.offers.reject(offerId, decision.reason ? { reason: decision.reason } : {});
      }
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignOffersKey(campaignId) }),
        queryClient.invalidateQueries({ queryKey: campaignKey(campaignId) }),
        queryClient.invalidateQueries({ queryKey: ['campaigns', 'mine'] }),
      ]),
  });
}

/** The decision failed because the offer or campaign changed meanwhile (409, or 404 when it is gone):
 * retrying the same decision makes no sense, the refreshed list shows what is possible now. */
export function isStale(error: unknown) {
  return isApiError(error) && (error.status === 409 || error.status === 404);
}

/** A failed decision as a sentence: a full campaign and a changed offer get their own words. */
export function useDecisionError() {
  const { m } = useI18n();
  const describe = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.code === 'CAMPAIGN_FULL') return m.offerReview.decide.full;
      if (isApiError(error) && error.code === 'CONFLICT') return m.offerReview.decide.conflict;
      return describe(error);
    },
    [m, describe],
  );
}
