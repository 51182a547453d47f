import {
  collaborationReviewsResponseSchema,
  type ReviewBody,
  type ReviewListQuery,
  reviewPageSchema,
  reviewResponseSchema,
} from '@bextr/contracts';
import { type ApiClient, queryString } from './client.ts';

const enc = encodeURIComponent;

/** The review endpoints: a side's review of a collaboration, and the reviews a user received. */
export function reviewsApi(client: ApiClient) {
  return {
    ofCollaboration: (id: string, signal?: AbortSignal) =>
      client
        .request({
          method: 'GET',
          path: `/collaborations/${enc(id)}/reviews`,
          schema: collaborationReviewsResponseSchema,
          signal,
        })
        .then((r) => r.reviews),
    write: (id: string, body: ReviewBody) =>
      client
        .request({
          method: 'POST',
          path: `/collaborations/${enc(id)}/reviews`,
          body,
          schema: reviewResponseSchema,
        })
        .then((r) => r.review),
    ofInfluencer: (handle: string, query: Partial<ReviewListQuery>, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/influencers/${enc(handle)}/reviews${queryString(query)}`,
        schema: reviewPageSchema,
        signal,
      }),
    ofBusiness: (id: string, query: Partial<ReviewListQuery>, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/businesses/${enc(id)}/reviews${queryString(query)}`,
        schema: reviewPageSchema,
        signal,
      }),
  };
}
