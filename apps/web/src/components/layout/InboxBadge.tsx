import { Badge } from '@mantine/core';
import { useSession } from '../../session/use-session.ts';
import { useUnreadMessages } from '../../threads/thread-queries.ts';
import type { NavItem } from './nav-items.ts';

/** The live number of unread messages for a navigation link that carries it (the inbox). */
export function useNavUnread(items: readonly NavItem[]) {
  const { user } = useSession();
  const wanted = items.some((item) => item.unreadMessages);
  return useUnreadMessages(user?.id, wanted).data ?? 0;
}

/** The red count beside the link's text; decoration, since the link's name carries the number. */
export function UnreadBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Badge color="red.9" variant="filled" size="sm" circle={count < 10} aria-hidden="true">
      {count > 99 ? '99+' : count}
    </Badge>
  );
}
