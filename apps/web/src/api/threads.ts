import {
  type ConversationReadBody,
  conversationPageSchema,
  conversationReadResponseSchema,
  conversationResponseSchema,
  type MessageBody,
  messagePageSchema,
  messageResponseSchema,
  type NotificationPreferencesBody,
  notificationPreferencesSchema,
  type UnsubscribeBody,
  unsubscribeResponseSchema,
} from '@bextr/contracts';
import { type ApiClient, queryString } from './client.ts';

const enc = encodeURIComponent;

/** The thread and notification-preference endpoints of API.md, typed by the contracts. */
export function threadsApi(client: ApiClient) {
  return {
    conversations: (query: { limit?: number; cursor?: string }, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/conversations${queryString(query)}`,
        schema: conversationPageSchema,
        signal,
      }),
    conversation: (id: string, signal?: AbortSignal) =>
      client
        .request({
          method: 'GET',
          path: `/conversations/${enc(id)}`,
          schema: conversationResponseSchema,
          signal,
        })
        .then((r) => r.conversation),
    messages: (id: string, query: { limit?: number; cursor?: string }, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/conversations/${enc(id)}/messages${queryString(query)}`,
        schema: messagePageSchema,
        signal,
      }),
    send: (id: string, body: MessageBody) =>
      client
        .request({
          method: 'POST',
          path: `/conversations/${enc(id)}/messages`,
          body,
          schema: messageResponseSchema,
        })
        .then((r) => r.message),
    read: (id: string, body: ConversationReadBody) =>
      client.request({
        method: 'POST',
        path: `/conversations/${enc(id)}/read`,
        body,
        schema: conversationReadResponseSchema,
      }),

    preferences: (signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: '/notification-preferences',
        schema: notificationPreferencesSchema,
        signal,
      }),
    savePreferences: (body: NotificationPreferencesBody) =>
      client.request({
        method: 'PUT',
        path: '/notification-preferences',
        body,
        schema: notificationPreferencesSchema,
      }),
    unsubscribe: (body: UnsubscribeBody) =>
      client.request({
        method: 'POST',
        path: '/notification-preferences/unsubscribe',
        body,
        schema: unsubscribeResponseSchema,
      }),
  };
}
