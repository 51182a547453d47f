import { useI18n } from '../../i18n/use-i18n.ts';
import { useUnreadCount } from '../../notifications/use-notifications.ts';
import { BellIcon } from '../icons.tsx';
import { HeaderCountLink } from './HeaderCountLink.tsx';

/** The header's bell: links to the notifications, with the unread count on it. */
export function NotificationsBell({ userId }: { userId: string }) {
  const { m } = useI18n();
  const unread = useUnreadCount(userId).data ?? 0;
  return (
    <HeaderCountLink
      to="/notifications"
      icon={<BellIcon />}
      count={unread}
      name={m.notifications.bell}
      unreadName={m.notifications.bellUnread}
    />
  );
}
