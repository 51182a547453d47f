import { Paper, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n/use-i18n.ts';

/** The admin landing; the moderation console grows here. */
export function AdminDashboard() {
  const { m } = useI18n();
  return (
    <Paper component="section" withBorder radius="md" p="lg" aria-labelledby="admin-title">
      <Title order={2} size="h4" id="admin-title" mb="xs">
        {m.dashboard.adminTitle}
      </Title>
      <Text mb="md">{m.dashboard.adminLead}</Text>
      <Text c="dimmed">{m.dashboard.adminEmpty}</Text>
    </Paper>
  );
}
