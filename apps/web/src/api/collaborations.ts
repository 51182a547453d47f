import {
  type AmendmentBody,
  type CancelBody,
  type CollaborationListQuery,
  collaborationPageSchema,
  collaborationResponseSchema,
  type ProofBody,
} from '@bextr/contracts';
import { type ApiClient, queryString } from './client.ts';

const enc = encodeURIComponent;

/** The collaboration endpoints of API.md ("Collaborations"), typed by the contracts. Every verb
 * answers the collaboration as it now is. */
export function collaborationsApi(client: ApiClient) {
  const one = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal) =>
    client
      .request({
        method,
        path,
        ...(body !== undefined ? { body } : {}),
        schema: collaborationResponseSchema,
        signal,
      })
      .then((r) => r.collaboration);
  const base = (id: string) => `/collaborations/${enc(id)}`;
  return {
    list: (query: Partial<CollaborationListQuery>, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/collaborations${queryString(query)}`,
        schema: collaborationPageSchema,
        signal,
      }),
    get: (id: string, signal?: AbortSignal) => one('GET', base(id), undefined, signal),
    submitProof: (id: string, deliverableId: string, body: ProofBody) =>
      one('POST', `${base(id)}/deliverables/${enc(deliverableId)}/proof`, body),
    approve: (id: string, deliverableId: string) =>
      one('POST', `${base(id)}/deliverables/${enc(deliverableId)}/approve`),
    requestChanges: (id: string, deliverableId: string, note: string) =>
      one('POST', `${base(id)}/deliverables/${enc(deliverableId)}/request-changes`, { note }),
    propose: (id: string, body: AmendmentBody) => one('POST', `${base(id)}/amendments`, body),
    answerAmendment: (id: string, amendmentId: string, verb: 'accept' | 'decline' | 'withdraw') =>
      one('POST', `${base(id)}/amendments/${enc(amendmentId)}/${verb}`),
    cancel: (id: string, body: CancelBody) => one('POST', `${base(id)}/cancel`, body),
    withdrawCancel: (id: string) => one('DELETE', `${base(id)}/cancel`),
  };
}
