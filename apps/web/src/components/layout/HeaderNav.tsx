import { Button, Group } from '@mantine/core';
import { NavLink, useLocation } from 'react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { NavItem } from './nav-items.ts';

export function isActive(item: NavItem, pathname: string) {
  return item.end ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/** The desktop navigation in the header (hidden on phones, where the burger menu holds it). The inbox
 * is an icon beside the bell there, so it is left out of these links. */
export function HeaderNav({ items }: { items: readonly NavItem[] }) {
  const { m } = useI18n();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label={m.nav.label} gap={4} visibleFrom="lg" wrap="nowrap">
      {items
        .filter((item) => !item.unreadMessages)
        .map((item) => (
          <Button
            key={item.to}
            component={NavLink}
            to={item.to}
            end={item.end}
            variant={isActive(item, pathname) ? 'light' : 'subtle'}
            size="sm"
            // Narrow padding: at 1200 px every link, the inbox, the bell and the switches fit in Slovak too.
            px={10}
          >
            {item.label}
          </Button>
        ))}
    </Group>
  );
}
