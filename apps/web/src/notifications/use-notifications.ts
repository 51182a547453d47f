import type { NotificationsReadBody } from '@bextr/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/index.ts';
import { useCursorPages } from '../components/use-cursor-pages.ts';

const notificationsKey = ['notifications'] as const;

/** Query keys of the signed-in user's notifications (live events update them). */
export const notificationKeys = {
  all: notificationsKey,
  unread: (userId: string) => [...notificationsKey, userId, 'unread'] as const,
  list: (userId: string) => [...notificationsKey, userId, 'list'] as const,
};

/** Live events (GET /events) set the unread count as it changes; this slow poll only covers a
 * stream that is down. */
const POLL_MS = 120_000;

/** The signed-in user's unread count, for the bell; live, polled slowly, and refetched when the
 * window is focused again. Keyed by user, so a different account never sees the last one's number. */
export function useUnreadCount(userId: string | null | undefined) {
  return useQuery({
    queryKey: notificationKeys.unread(userId ?? ''),
    queryFn: ({ signal }) => api.offers.notifications({ limit: 1 }, signal).then((page) => page.unreadCount),
    enabled: Boolean(userId),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** The notifications, newest first, page by page. */
export function useNotificationList(userId: string) {
  return useCursorPages([...notificationKeys.list(userId)], (cursor, signal) =>
    api.offers.notifications({ limit: 20, ...(cursor ? { cursor } : {}) }, signal),
  );
}

/** Marks some or all notifications read, then refreshes the list and the bell. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationsReadBody) => api.offers.readNotifications(body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
