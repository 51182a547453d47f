import type { ReportMessage } from '@bextr/contracts';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/use-i18n.ts';

/** The messages on a report, oldest first. A party sees the team as "BeXtr team" and who an admin's
 * message was for; an admin (`admin`) sees every author and every audience. */
export function ReportMessages({
  messages,
  admin,
}: {
  messages: readonly ReportMessage[];
  /** The admins' view: the audience of every message, in the admins' words. */
  admin?: boolean;
}) {
  const { m, format } = useI18n();
  const t = m.reports.page;
  if (messages.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t.noMessages}
      </Text>
    );
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {messages.map((message) => {
        const fromTeam = message.authorRole === 'admin';
        const author = message.mine ? t.you : fromTeam && !admin ? t.team : (message.authorName ?? t.team);
        const audience = admin
          ? fromTeam
            ? m.reports.admin.seenBy(m.reports.admin.audience[message.visibleTo])
            : m.reports.admin.partyMessage
          : fromTeam
            ? message.visibleTo === 'all'
              ? t.toBoth
              : t.toYouOnly
            : null;
        return (
          <Paper
            key={message.id}
            component="li"
            withBorder
            p="sm"
            radius="md"
            bg={fromTeam ? 'var(--mantine-color-blue-light)' : undefined}
          >
            <Group justify="space-between" gap="xs" wrap="wrap" mb={4}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {author}
                </Text>
                {admin && !fromTeam ? (
                  <Badge size="xs" variant="light" color="gray">
                    {message.authorRole === 'reporter' ? m.reports.admin.reporter : m.reports.admin.reported}
                  </Badge>
                ) : null}
                {audience ? (
                  <Text size="xs" c="dimmed">
                    {audience}
                  </Text>
                ) : null}
              </Group>
              <Text size="xs" c="dimmed" component="time" dateTime={message.createdAt}>
                {format.dateTime(message.createdAt)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {message.body}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
