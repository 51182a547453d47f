import { randomBytes } from 'node:crypto';
import type { Conversation, Message, MessageBody } from '@bextr/contracts';
import type { App } from '../../app.ts';
import type { TestClient } from '../client.ts';
import { buildOffer } from './offers.ts';

export type ConversationPage = { items: Conversation[]; nextCursor: string | null; unreadTotal: number };
export type MessagePage = { items: Message[]; nextCursor: string | null };

/** A client id no other send uses. */
export const newClientId = () => `c-${randomBytes(9).toString('base64url')}`;

/** A thread: an offer sent by a new ready influencer on a new business's published campaign (or
 * the given parties), and its conversation id. */
export async function buildConversation(app: App, opts: Parameters<typeof buildOffer>[1] = {}) {
  const built = await buildOffer(app, opts);
  return { ...built, conversationId: built.offer.conversationId };
}

/** Posts a message as the client; throws unless the API answers 201. */
export async function postMessage(
  client: TestClient,
  conversationId: string,
  body: Partial<MessageBody> = {},
): Promise<Message> {
  const res = await client.post<{ message: Message }>(`/api/v1/conversations/${conversationId}/messages`, {
    body: 'Hello!',
    clientId: newClientId(),
    ...body,
  });
  if (res.status !== 201) throw new Error(`sending a message answered ${res.status}: ${res.text}`);
  return res.body.message;
}
