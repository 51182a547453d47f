import { ActionIcon, Indicator } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** An icon link in the header with a live unread count on it (the inbox, the bell). Screen readers
 * hear the count in the link's name ("Inbox, 2 unread"); the red number is decoration. */
export function HeaderCountLink({
  to,
  icon,
  count,
  name,
  unreadName,
}: {
  to: string;
  icon: ReactNode;
  count: number;
  /** The link's name, and its tooltip. */
  name: string;
  /** The link's name while something is unread. */
  unreadName: (count: number) => string;
}) {
  return (
    <Indicator
      label={<span aria-hidden="true">{count > 99 ? '99+' : count}</span>}
      disabled={count === 0}
      size={18}
      offset={4}
      color="red.9"
      withBorder
    >
      <ActionIcon
        component={Link}
        to={to}
        variant="default"
        size="lg"
        aria-label={count > 0 ? unreadName(count) : name}
        title={name}
      >
        {icon}
      </ActionIcon>
    </Indicator>
  );
}
