import type { Conversation } from '@bextr/contracts';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { notificationKeys } from '../notifications/use-notifications.ts';
import { campaignKey } from '../pages/campaign/use-campaign.ts';
import { collaborationKeys } from '../pages/collaboration/use-collaboration.ts';
import { outbox } from '../threads/outbox.ts';
import {
  addMessage,
  isNewerMessage,
  patchConversation,
  refreshThreadCounts,
  threadKeys,
  withLastMessage,
} from '../threads/thread-queries.ts';
import type { LiveEvent, LiveEventMeta } from './event-stream.ts';

type ConversationPages = InfiniteData<{ items: Conversation[] }, string>;

/** Changes one thread in the loaded inbox pages, where it is listed. */
function patchListed(
  queryClient: QueryClient,
  userId: string,
  id: string,
  patch: (c: Conversation) => Conversation,
) {
  queryClient.setQueryData<ConversationPages>(threadKeys.list(userId), (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((c) => (c.id === id ? patch(c) : c)),
          })),
        }
      : data,
  );
}

/** Brings the react-query caches up to date with one event of GET /events. A `late` event (one with
 * a higher id came first) may carry a state older than the cached one: what it would set is refetched
 * instead. */
export function applyLiveEvent(
  queryClient: QueryClient,
  userId: string,
  event: LiveEvent,
  { late }: LiveEventMeta = { late: false },
) {
  switch (event.type) {
    case 'message': {
      const { conversationId, message } = event.data;
      const fromOther = message.senderId !== userId;
      addMessage(queryClient, userId, message);
      // Mine, sent from this tab: the stored message replaces the pending one.
      if (!fromOther) outbox.remove(conversationId, message.clientId);
      const cached = queryClient.getQueryData<Conversation>(threadKeys.conversation(userId, conversationId));
      if (cached && cached.lastMessage?.id !== message.id) {
        if (isNewerMessage(message, cached.lastMessage)) {
          patchConversation(queryClient, userId, conversationId, (c) =>
            withLastMessage(c, message, fromOther),
          );
        } else {
          // Older than the preview the thread has (a replayed or late one): its counts come fresh.
          void queryClient.invalidateQueries({ queryKey: threadKeys.conversation(userId, conversationId) });
        }
      }
      void refreshThreadCounts(queryClient, userId);
      return;
    }
    case 'read': {
      const { conversationId, userId: reader, upTo } = event.data;
      if (reader === userId || late) {
        // I read it in another tab: the counts there moved. (A late marker may be behind the one
        // shown: refetched rather than set back.)
        void queryClient.invalidateQueries({ queryKey: threadKeys.conversation(userId, conversationId) });
      } else {
        const seen = (c: Conversation) => ({ ...c, otherReadUpTo: upTo });
        patchConversation(queryClient, userId, conversationId, seen);
        patchListed(queryClient, userId, conversationId, seen);
      }
      void refreshThreadCounts(queryClient, userId);
      return;
    }
    case 'notification': {
      // A late event's count may be older than the one shown: the bell asks again instead.
      if (late) void queryClient.invalidateQueries({ queryKey: notificationKeys.unread(userId) });
      else queryClient.setQueryData(notificationKeys.unread(userId), event.data.unreadCount);
      void queryClient.invalidateQueries({ queryKey: notificationKeys.list(userId) });
      // The other side reviewed me: the collaboration page shows their review at once.
      const { kind, collaborationId } = event.data.notification;
      if (kind === 'review_received' && collaborationId)
        void queryClient.invalidateQueries({ queryKey: collaborationKeys.reviews(collaborationId) });
      // A report opened against me, a message on one, its resolution: my reports and the report page.
      if (kind.startsWith('report_')) void queryClient.invalidateQueries({ queryKey: ['reports'] });
      return;
    }
    case 'offer': {
      const { conversationId, campaignId, status } = event.data;
      // My offers, the campaign's offer review, single offers, the dashboard's counts, the slots.
      void queryClient.invalidateQueries({ queryKey: ['offers'] });
      void queryClient.invalidateQueries({ queryKey: ['campaigns', 'mine'] });
      void queryClient.invalidateQueries({ queryKey: campaignKey(campaignId) });
      if (conversationId) {
        const moved = (c: Conversation) => ({ ...c, offerStatus: status });
        patchConversation(queryClient, userId, conversationId, moved);
        patchListed(queryClient, userId, conversationId, moved);
      }
      return;
    }
    case 'collaboration':
      // The collaboration page, the lists, the dashboard and the thread's panel; a cancel frees a slot.
      void queryClient.invalidateQueries({ queryKey: ['collaborations'] });
      void queryClient.invalidateQueries({ queryKey: ['campaigns', 'mine'] });
      return;
  }
}

/** After every reconnect: refetch whatever may have moved while the stream was down, since the
 * replay covers only what follows an event id received before the drop (none when the drop came
 * before the first event). All of the user's threads (each conversation, its messages, the inbox
 * list, the unread total) and the notifications (list and count); adding a message is idempotent,
 * so a replayed one that the refetch brought too is shown once. */
export function resyncAfterDrop(
  queryClient: QueryClient,
  userId: string,
  opts: { fetchedBefore?: number } = {},
) {
  // On the first connection only what was loaded before the stream listened can be stale, or is
  // loading right now (its answer may have been read before the stream listened): both are fetched
  // again (an invalidation cancels a fetch in flight and starts it afresh).
  const before = opts.fetchedBefore;
  const predicate =
    before === undefined
      ? undefined
      : (q: { state: { dataUpdatedAt: number; fetchStatus: string } }) =>
          q.state.fetchStatus === 'fetching' || (q.state.dataUpdatedAt > 0 && q.state.dataUpdatedAt < before);
  void queryClient.invalidateQueries({ queryKey: threadKeys.user(userId), predicate });
  void queryClient.invalidateQueries({ queryKey: notificationKeys.unread(userId), predicate });
  void queryClient.invalidateQueries({ queryKey: notificationKeys.list(userId), predicate });
  void queryClient.invalidateQueries({ queryKey: ['collaborations'], predicate });
}
