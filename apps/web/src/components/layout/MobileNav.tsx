import type { User } from '@bextr/contracts';
import { Badge, Button, Divider, NavLink as MantineNavLink, Stack, Text } from '@mantine/core';
import { NavLink, useLocation } from 'react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useUnreadCount } from '../../notifications/use-notifications.ts';
import { isActive } from './HeaderNav.tsx';
import { UnreadBadge, useNavUnread } from './InboxBadge.tsx';
import type { NavItem } from './nav-items.ts';

interface Props {
  items: readonly NavItem[];
  user: User | null | undefined;
  onNavigate: () => void;
  onSignOut: () => void;
  signingOut: boolean;
}

/** The burger menu's content on phones: the same links, who is signed in, and sign out. */
export function MobileNav({ items, user, onNavigate, onSignOut, signingOut }: Props) {
  const { m } = useI18n();
  const { pathname } = useLocation();
  const unread = useUnreadCount(user?.id).data ?? 0;
  const unreadMessages = useNavUnread(items);
  return (
    <Stack gap={4}>
      {items.map((item) => (
        <MantineNavLink
          key={item.to}
          component={NavLink}
          to={item.to}
          end={item.end}
          label={item.label}
          active={isActive(item, pathname)}
          onClick={onNavigate}
          aria-label={
            item.unreadMessages && unreadMessages > 0 ? m.inbox.navUnread(unreadMessages) : undefined
          }
          rightSection={
            item.unreadMessages && unreadMessages > 0 ? <UnreadBadge count={unreadMessages} /> : undefined
          }
        />
      ))}
      {user ? (
        <MantineNavLink
          component={NavLink}
          to="/notifications"
          label={m.notifications.menuItem}
          active={pathname === '/notifications'}
          onClick={onNavigate}
          rightSection={
            unread > 0 ? (
              <Badge color="red.9" variant="filled" size="sm">
                {m.notifications.menuUnread(unread)}
              </Badge>
            ) : null
          }
        />
      ) : null}
      {user ? (
        <>
          <Divider my="sm" />
          <Text size="sm" c="dimmed" px="sm">
            {m.nav.signedInAs(user.name)}
          </Text>
          <Button variant="default" onClick={onSignOut} loading={signingOut} mt="xs">
            {m.nav.signOut}
          </Button>
        </>
      ) : null}
    </Stack>
  );
}
