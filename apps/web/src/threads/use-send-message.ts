import type { ImageRef } from '@bextr/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../api/index.ts';
import { newClientId, outbox, type PendingMessage } from './outbox.ts';
import { addMessage, patchConversation, refreshThreadCounts, withLastMessage } from './thread-queries.ts';

/** Sends messages optimistically: each shows at once as "sending", then is replaced by the stored
 * message, or stays as "not sent" with a retry that sends the same client id again. */
export function useSendMessage(userId: string, conversationId: string) {
  const queryClient = useQueryClient();

  const deliver = useCallback(
    (message: PendingMessage) => {
      outbox.setState(conversationId, message.clientId, 'sending');
      api.threads
        .send(conversationId, {
          body: message.body,
          clientId: message.clientId,
          attachmentIds: message.attachments.map((a) => a.id),
        })
        .then((stored) => {
          addMessage(queryClient, userId, stored);
          outbox.remove(conversationId, message.clientId);
          patchConversation(queryClient, userId, conversationId, (c) => withLastMessage(c, stored, false));
          void refreshThreadCounts(queryClient, userId);
        })
        .catch((error: unknown) => outbox.setState(conversationId, message.clientId, 'failed', error));
    },
    [queryClient, userId, conversationId],
  );

  const send = useCallback(
    (body: string, attachments: ImageRef[], clientId = newClientId()) => {
      const message: PendingMessage = {
        clientId,
        conversationId,
        body,
        attachments,
        createdAt: new Date().toISOString(),
        state: 'sending',
        error: null,
      };
      outbox.add(message);
      deliver(message);
    },
    [conversationId, deliver],
  );

  const discard = useCallback(
    (clientId: string) => outbox.remove(conversationId, clientId),
    [conversationId],
  );

  return { send, retry: deliver, discard };
}
