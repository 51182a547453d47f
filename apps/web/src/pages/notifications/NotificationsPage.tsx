import type { Notification, User } from '@bextr/contracts';
import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useErrorMessage } from '../../errors/use-error-message.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { notificationSentence, notificationTarget, timeAgo } from '../../notifications/describe.ts';
import { useMarkRead, useNotificationList, useUnreadCount } from '../../notifications/use-notifications.ts';
import { useSession } from '../../session/use-session.ts';

/** One notification: the whole row is a link to where it happened; following it marks it read. */
function NotificationRow({
  notification,
  user,
  onOpen,
}: {
  notification: Notification;
  user: User;
  onOpen: () => void;
}) {
  const { m, locale, format } = useI18n();
  const unread = notification.readAt === null;
  return (
    <Paper
      component={Link}
      to={notificationTarget(notification, user.role)}
      onClick={unread ? onOpen : undefined}
      withBorder
      radius="md"
      p="sm"
      style={{
        display: 'block',
        color: 'inherit',
        textDecoration: 'none',
        background: unread ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box
          aria-hidden="true"
          mt={7}
          w={10}
          h={10}
          style={{
            flexShrink: 0,
            borderRadius: '50%',
            background: unread ? 'var(--mantine-primary-color-filled)' : 'transparent',
          }}
        />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={unread ? 700 : 400} style={{ overflowWrap: 'anywhere' }}>
            {notificationSentence(m, notification, user.role)}
          </Text>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              <time dateTime={notification.createdAt} title={format.dateTime(notification.createdAt)}>
                {timeAgo(locale, notification.createdAt)}
              </time>
            </Text>
            {unread ? (
              <Badge variant="light" size="sm">
                {m.notifications.unread}
              </Badge>
            ) : null}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

function NotificationList({ user }: { user: User }) {
  const { m } = useI18n();
  const t = m.notifications;
  const notify = useNotify();
  const describe = useErrorMessage();
  const { query, items } = useNotificationList(user.id);
  const unread = useUnreadCount(user.id).data ?? 0;
  const markRead = useMarkRead();
  // The bell polls the count; when it grows while this page is open, the list catches up.
  const { refetch } = query;
  const seenUnread = useRef(unread);
  useEffect(() => {
    if (unread > seenUnread.current) void refetch();
    seenUnread.current = unread;
  }, [unread, refetch]);
  const markAll = () =>
    markRead.mutate(
      { all: true },
      { onSuccess: () => notify(t.allRead), onError: (error) => notify(describe(error), 'error') },
    );
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 280px' }}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed">{t.lead}</Text>
          <Anchor component={Link} to="/settings" size="sm" w="fit-content">
            {m.emailPreferences.settingsLink}
          </Anchor>
        </Stack>
        <Button
          variant="default"
          onClick={markAll}
          disabled={unread === 0}
          loading={markRead.isPending && markRead.variables && 'all' in markRead.variables}
        >
          {t.markAllRead}
        </Button>
      </Group>
      <QueryStates query={query}>
        <section aria-label={t.list}>
          {items.length === 0 ? (
            <Text c="dimmed">{t.empty}</Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {items.map((n) => (
                <li key={n.id}>
                  <NotificationRow
                    notification={n}
                    user={user}
                    onOpen={() => markRead.mutate({ ids: [n.id] })}
                  />
                </li>
              ))}
            </Stack>
          )}
          <LoadMore query={query} label={t.more} />
        </section>
      </QueryStates>
    </Stack>
  );
}

/** /notifications — everything that happened for the signed-in user, newest first. */
export function NotificationsPage() {
  const { m } = useI18n();
  usePageTitle(m.notifications.title);
  const { user } = useSession();
  if (!user) return <PageLoader />;
  return <NotificationList user={user} />;
}
