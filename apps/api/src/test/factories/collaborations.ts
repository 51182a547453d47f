import type { Collaboration, CollaborationListItem } from '@bextr/contracts';
import type { App } from '../../app.ts';
import type { ApiBody } from '../client.ts';
import { buildOffer } from './offers.ts';
import type { TestUser } from './users.ts';

/** A collaboration answer, or the error of a refusal. */
export type CollaborationResponse = ApiBody & { collaboration: Collaboration };
export type CollaborationPage = { items: CollaborationListItem[]; nextCursor: string | null };

export const collaborationUrl = (id: string, rest = '') => `/api/v1/collaborations/${id}${rest}`;

/** Reads a collaboration as one of its sides; throws unless 200. */
export async function readCollaboration(user: TestUser, id: string): Promise<Collaboration> {
  const res = await user.client.get<CollaborationResponse>(collaborationUrl(id));
  if (res.status !== 200) throw new Error(`reading the collaboration answered ${res.status}: ${res.text}`);
  return res.body.collaboration;
}

/** An accepted offer (a new business, campaign and influencer unless given) and the collaboration it
 * made, as the business reads it. */
export async function buildCollaboration(app: App, opts: Parameters<typeof buildOffer>[1] = {}) {
  const built = await buildOffer(app, opts);
  const accepted = await built.owner.client.post(`/api/v1/offers/${built.offer.id}/accept`);
  if (accepted.status !== 200) throw new Error(`accepting answered ${accepted.status}: ${accepted.text}`);
  const list = await built.owner.client.get<CollaborationPage>(
    `/api/v1/collaborations?conversationId=${built.offer.conversationId}`,
  );
  const item = list.body.items[0];
  if (!item) throw new Error(`no collaboration for the accepted offer: ${list.text}`);
  return { ...built, collaboration: await readCollaboration(built.owner, item.id) };
}

/** Submits a proof (a link) for a line as the influencer; throws unless 200. */
export async function submitProof(influencer: TestUser, c: Collaboration, deliverableId: string, over = {}) {
  const res = await influencer.client.post<CollaborationResponse>(
    collaborationUrl(c.id, `/deliverables/${deliverableId}/proof`),
    { url: 'https://www.instagram.com/p/slow-mornings/', note: 'Live since 8:00.', ...over },
  );
  if (res.status !== 200) throw new Error(`submitting proof answered ${res.status}: ${res.text}`);
  return res.body.collaboration;
}

/** A collaboration run to its end through the API: the influencer sends proof of every line, the
 * business approves each; `completed`, as both sides read it. */
export async function buildCompletedCollaboration(app: App, opts: Parameters<typeof buildOffer>[1] = {}) {
  const built = await buildCollaboration(app, opts);
  let c = built.collaboration;
  for (const line of c.deliverables) c = await submitProof(built.influencer, c, line.id);
  for (const line of c.deliverables) {
    const res = await built.owner.client.post<CollaborationResponse>(
      collaborationUrl(c.id, `/deliverables/${line.id}/approve`),
    );
    if (res.status !== 200) throw new Error(`approving answered ${res.status}: ${res.text}`);
    c = res.body.collaboration;
  }
  if (c.status !== 'completed') throw new Error(`the collaboration is ${c.status}, not completed`);
  return { ...built, collaboration: c };
}
