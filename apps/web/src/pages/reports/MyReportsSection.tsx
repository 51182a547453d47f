import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/index.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ReportStatusBadge } from './ReportStatusBadge.tsx';
import { reportKeys } from './report-queries.ts';

/** The dashboard's short list of the user's reports (filed and about them); nothing when there are
 * none, so most dashboards never show it. */
export function MyReportsSection() {
  const { m } = useI18n();
  const t = m.reports.mine;
  const reports = useQuery({
    queryKey: [...reportKeys.mine(), 'latest'],
    queryFn: ({ signal }) => api.reports.mine({ limit: 3 }, signal),
  });
  const items = reports.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper component="section" withBorder radius="md" p="lg" aria-labelledby="my-reports-title">
      <Group justify="space-between" gap="xs" mb="sm">
        <Title order={2} size="h4" id="my-reports-title">
          {t.title}
        </Title>
        <Anchor component={Link} to="/reports" size="sm">
          {t.all}
        </Anchor>
      </Group>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((report) => (
          <Group key={report.id} component="li" justify="space-between" gap="xs" wrap="nowrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/reports/${encodeURIComponent(report.id)}`} size="sm">
                {report.side === 'reporter' ? t.filed(report.against.name) : t.about(report.reporter.name)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {m.reports.categories[report.category]}
              </Text>
            </Stack>
            <ReportStatusBadge status={report.status} outcome={report.outcome} />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
