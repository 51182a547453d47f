import { useI18n } from '../../i18n/use-i18n.ts';
import { useUnreadMessages } from '../../threads/thread-queries.ts';
import { MessagesIcon } from '../icons.tsx';
import { HeaderCountLink } from './HeaderCountLink.tsx';

/** The header's inbox: links to the threads, with the live count of unread messages on it. */
export function InboxLink({ userId }: { userId: string }) {
  const { m } = useI18n();
  const unread = useUnreadMessages(userId).data ?? 0;
  return (
    <HeaderCountLink
      to="/inbox"
      icon={<MessagesIcon />}
      count={unread}
      name={m.inbox.nav}
      unreadName={m.inbox.navUnread}
    />
  );
}
