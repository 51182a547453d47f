import { type Conversation, type Message, messagePreviewLength } from '@bextr/contracts';
import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../api/index.ts';

/** Query keys of the threads, per signed-in user (so another account never sees the last one's). */
export const threadKeys = {
  all: ['threads'] as const,
  user: (userId: string) => ['threads', userId] as const,
  list: (userId: string) => ['threads', userId, 'list'] as const,
  unread: (userId: string) => ['threads', userId, 'unread'] as const,
  conversation: (userId: string, id: string) => ['threads', userId, 'conversation', id] as const,
  messages: (userId: string, id: string) => ['threads', userId, 'messages', id] as const,
};

type MessagePage = { items: Message[]; nextCursor: string | null };
export type MessagePages = InfiniteData<MessagePage, string>;

/** Live delivery keeps the counts fresh; this slow poll only covers a stream that is down. */
const FALLBACK_POLL_MS = 120_000;
/** Messages per page of a thread's history. */
const MESSAGES_PAGE = 30;

/** Unread messages across all my threads, for the header. */
export function useUnreadMessages(userId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: threadKeys.unread(userId ?? ''),
    queryFn: ({ signal }) => api.threads.conversations({ limit: 1 }, signal).then((page) => page.unreadTotal),
    enabled: Boolean(userId) && enabled,
    refetchInterval: FALLBACK_POLL_MS,
  });
}

/** One thread with its other side, campaign, offer status and read markers. */
export function useConversation(userId: string, id: string) {
  return useQuery({
    queryKey: threadKeys.conversation(userId, id),
    queryFn: ({ signal }) => api.threads.conversation(id, signal),
  });
}

/** A thread's messages, newest page first (each page newest first), older pages on demand. Live
 * events add new messages in place, so it is not refetched on focus; a reconnect of the live stream
 * invalidates it (see resyncAfterDrop), and so does a last message the history lacks. */
export function useMessages(userId: string, id: string) {
  return useInfiniteQuery({
    queryKey: threadKeys.messages(userId, id),
    queryFn: ({ pageParam, signal }) =>
      api.threads.messages(id, { limit: MESSAGES_PAGE, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Orders messages as the history does: by time, then by id. Negative when `a` is older. */
export function compareMessages(
  a: Pick<Message, 'id' | 'createdAt'>,
  b: Pick<Message, 'id' | 'createdAt'>,
): number {
  const at = Date.parse(a.createdAt);
  const bt = Date.parse(b.createdAt);
  if (at !== bt && !Number.isNaN(at) && !Number.isNaN(bt)) return at - bt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether `message` comes after the thread's last message (any message does when it has none). */
export function isNewerMessage(
  message: Pick<Message, 'id' | 'createdAt'>,
  last: Pick<Message, 'id' | 'createdAt'> | null | undefined,
) {
  return !last || compareMessages(message, last) > 0;
}

/** Adds a message to a thread's loaded history (once: a message already there is left alone), in its
 * place by (createdAt, id): a late or replayed older one lands among its neighbours, not on top. One
 * older than everything loaded goes under the oldest only when no older page is left to load (that
 * page will bring it otherwise). */
export function addMessage(queryClient: QueryClient, userId: string, message: Message) {
  queryClient.setQueryData<MessagePages>(threadKeys.messages(userId, message.conversationId), (data) => {
    if (!data || data.pages.length === 0) return data;
    if (data.pages.some((page) => page.items.some((m) => m.id === message.id))) return data;
    // Pages run newest first, and so do the items of each: it goes before the first older one.
    for (const [p, page] of data.pages.entries()) {
      const at = page.items.findIndex((m) => compareMessages(m, message) < 0);
      if (at === -1) continue;
      const items = [...page.items.slice(0, at), message, ...page.items.slice(at)];
      return { ...data, pages: data.pages.map((old, i) => (i === p ? { ...page, items } : old)) };
    }
    const lastIndex = data.pages.length - 1;
    const oldest = data.pages[lastIndex];
    if (!oldest || oldest.nextCursor) return data;
    const items = [...oldest.items, message];
    return { ...data, pages: data.pages.map((old, i) => (i === lastIndex ? { ...oldest, items } : old)) };
  });
}

/** Changes the cached thread (when it is loaded). */
export function patchConversation(
  queryClient: QueryClient,
  userId: string,
  id: string,
  patch: (c: Conversation) => Conversation,
) {
  queryClient.setQueryData<Conversation>(threadKeys.conversation(userId, id), (c) => (c ? patch(c) : c));
}

/** The conversation's last-message preview after `message`. */
export function withLastMessage(c: Conversation, message: Message, fromOther: boolean): Conversation {
  return {
    ...c,
    lastMessage: {
      id: message.id,
      senderId: message.senderId,
      preview: message.body.slice(0, messagePreviewLength),
      attachmentCount: message.attachments.length,
      createdAt: message.createdAt,
    },
    lastActivityAt: message.createdAt,
    unreadCount: fromOther ? c.unreadCount + 1 : c.unreadCount,
  };
}

/** Refreshes the inbox list and the header's unread total. */
export function refreshThreadCounts(queryClient: QueryClient, userId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: threadKeys.list(userId) }),
    queryClient.invalidateQueries({ queryKey: threadKeys.unread(userId) }),
  ]);
}

/** Moves my read marker in a thread up to a message, then updates the counts it returns. */
export function useMarkThreadRead(userId: string, id: string) {
  const queryClient = useQueryClient();
  return useCallback(
    async (upTo: string) => {
      const counts = await api.threads.read(id, { upTo });
      patchConversation(queryClient, userId, id, (c) => ({ ...c, unreadCount: counts.unreadCount }));
      queryClient.setQueryData(threadKeys.unread(userId), counts.unreadTotal);
      await queryClient.invalidateQueries({ queryKey: threadKeys.list(userId) });
    },
    [queryClient, userId, id],
  );
}
