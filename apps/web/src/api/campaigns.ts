import {
  type BusinessProfileBody,
  businessProfileResponseSchema,
  type CampaignDraftBody,
  type CampaignSearchQuery,
  campaignPageSchema,
  campaignResponseSchema,
  campaignTeaserPageSchema,
  campaignTeaserResponseSchema,
  myCampaignsPageSchema,
  publicBusinessResponseSchema,
} from '@bextr/contracts';
import { type ApiClient, queryString } from './client.ts';

export type CampaignAction = 'publish' | 'pause' | 'resume' | 'close';

/** The business-profile and campaign endpoints of API.md, typed by the contracts. */
export function campaignsApi(client: ApiClient) {
  const campaignOf = (promise: Promise<{ campaign: import('@bextr/contracts').Campaign }>) =>
    promise.then((r) => r.campaign);
  return {
    getProfile: (signal?: AbortSignal) =>
      client
        .request({ method: 'GET', path: '/business-profile', schema: businessProfileResponseSchema, signal })
        .then((r) => r.profile),
    saveProfile: (body: BusinessProfileBody) =>
      client
        .request({ method: 'PUT', path: '/business-profile', body, schema: businessProfileResponseSchema })
        .then((r) => r.profile),
    /** A business's public facts (GET /businesses/:id); its open campaigns come from `search`. */
    business: (id: string, signal?: AbortSignal) =>
      client
        .request({
          method: 'GET',
          path: `/businesses/${encodeURIComponent(id)}`,
          schema: publicBusinessResponseSchema,
          signal,
        })
        .then((r) => r.business),
    mine: (query: { limit?: number; cursor?: string }, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/campaigns/mine${queryString(query)}`,
        schema: myCampaignsPageSchema,
        signal,
      }),
    get: (id: string, signal?: AbortSignal) =>
      campaignOf(
        client.request({
          method: 'GET',
          path: `/campaigns/${encodeURIComponent(id)}`,
          schema: campaignResponseSchema,
          signal,
        }),
      ),
    create: (body: CampaignDraftBody, idempotencyKey?: string) =>
      campaignOf(
        client.request({
          method: 'POST',
          path: '/campaigns',
          body,
          schema: campaignResponseSchema,
          idempotencyKey,
        }),
      ),
    update: (id: string, body: CampaignDraftBody) =>
      campaignOf(
        client.request({
          method: 'PATCH',
          path: `/campaigns/${encodeURIComponent(id)}`,
          body,
          schema: campaignResponseSchema,
        }),
      ),
    remove: (id: string) =>
      client.requestEmpty({ method: 'DELETE', path: `/campaigns/${encodeURIComponent(id)}` }),
    duplicate: (id: string, idempotencyKey?: string) =>
      campaignOf(
        client.request({
          method: 'POST',
          path: `/campaigns/${encodeURIComponent(id)}/duplicate`,
          schema: campaignResponseSchema,
          idempotencyKey,
        }),
      ),
    act: (id: string, action: CampaignAction) =>
      campaignOf(
        client.request({
          method: 'POST',
          path: `/campaigns/${encodeURIComponent(id)}/${action}`,
          schema: campaignResponseSchema,
        }),
      ),
    search: (query: Partial<CampaignSearchQuery>, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/campaigns${queryString(query)}`,
        schema: campaignPageSchema,
        signal,
      }),
    getPublic: (id: string, signal?: AbortSignal) =>
      client
        .request({
          method: 'GET',
          path: `/public/campaigns/${encodeURIComponent(id)}`,
          schema: campaignTeaserResponseSchema,
          signal,
        })
        .then((r) => r.campaign),
    searchPublic: (query: Partial<CampaignSearchQuery>, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/public/campaigns${queryString(query)}`,
        schema: campaignTeaserPageSchema,
        signal,
      }),
  };
}
