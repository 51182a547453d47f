import {
  type CampaignOffersQuery,
  type InvitationBody,
  invitationPageSchema,
  invitationResponseSchema,
  type MyOffersQuery,
  type NotificationsReadBody,
  notificationPageSchema,
  type OfferBody,
  type OfferRejectBody,
  offerPageSchema,
  offerResponseSchema,
} from '@bextr/contracts';
import { type ApiClient, queryString } from './client.ts';

const enc = encodeURIComponent;

/** The offer, invitation and notification endpoints of API.md, typed by the contracts. */
export function offersApi(client: ApiClient) {
  const offerOf = (promise: Promise<{ offer: import('@bextr/contracts').Offer }>) =>
    promise.then((r) => r.offer);
  return {
    send: (campaignId: string, body: OfferBody) =>
      offerOf(
        client.request({
          method: 'POST',
          path: `/campaigns/${enc(campaignId)}/offers`,
          body,
          schema: offerResponseSchema,
        }),
      ),
    forCampaign: (campaignId: string, query: Partial<CampaignOffersQuery>, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/campaigns/${enc(campaignId)}/offers${queryString(query)}`,
        schema: offerPageSchema,
        signal,
      }),
    mine: (query: Partial<MyOffersQuery>, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/offers/mine${queryString(query)}`,
        schema: offerPageSchema,
        signal,
      }),
    get: (id: string, signal?: AbortSignal) =>
      offerOf(
        client.request({ method: 'GET', path: `/offers/${enc(id)}`, schema: offerResponseSchema, signal }),
      ),
    shortlist: (id: string) =>
      offerOf(
        client.request({ method: 'POST', path: `/offers/${enc(id)}/shortlist`, schema: offerResponseSchema }),
      ),
    accept: (id: string) =>
      offerOf(
        client.request({ method: 'POST', path: `/offers/${enc(id)}/accept`, schema: offerResponseSchema }),
      ),
    reject: (id: string, body: OfferRejectBody) =>
      offerOf(
        client.request({
          method: 'POST',
          path: `/offers/${enc(id)}/reject`,
          body,
          schema: offerResponseSchema,
        }),
      ),
    withdraw: (id: string) =>
      offerOf(
        client.request({ method: 'POST', path: `/offers/${enc(id)}/withdraw`, schema: offerResponseSchema }),
      ),

    invite: (handle: string, body: InvitationBody) =>
      client
        .request({
          method: 'POST',
          path: `/influencers/${enc(handle)}/invitations`,
          body,
          schema: invitationResponseSchema,
        })
        .then((r) => r.invitation),
    myInvitations: (query: { limit?: number; cursor?: string }, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/invitations/mine${queryString(query)}`,
        schema: invitationPageSchema,
        signal,
      }),

    notifications: (query: { limit?: number; cursor?: string }, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/notifications${queryString(query)}`,
        schema: notificationPageSchema,
        signal,
      }),
    readNotifications: (body: NotificationsReadBody) =>
      client.requestEmpty({ method: 'POST', path: '/notifications/read', body }),
  };
}
