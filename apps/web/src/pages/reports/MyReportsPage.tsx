import type { ReportSummary } from '@bextr/contracts';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../api/index.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/use-cursor-pages.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ReportStatusBadge } from './ReportStatusBadge.tsx';
import { reportKeys } from './report-queries.ts';

function ReportCard({ report }: { report: ReportSummary }) {
  const { m, format } = useI18n();
  const t = m.reports.mine;
  const heading = report.side === 'reporter' ? t.filed(report.against.name) : t.about(report.reporter.name);
  return (
    <Paper withBorder p="md" radius="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Title order={2} size="h4" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            <Anchor component={Link} to={`/reports/${encodeURIComponent(report.id)}`} inherit>
              {heading}
            </Anchor>
          </Title>
          <ReportStatusBadge status={report.status} outcome={report.outcome} />
        </Group>
        <Text size="sm">{m.reports.categories[report.category]}</Text>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {report.campaign ? `${t.on(report.campaign.name)} · ` : ''}
          {t.reportedOn(format.date(report.createdAt))}
        </Text>
      </Stack>
    </Paper>
  );
}

/** /reports — the reports I filed and the reports about me, newest first. */
export function MyReportsPage() {
  const { m } = useI18n();
  const t = m.reports.mine;
  usePageTitle(t.title);
  const { query, items } = useCursorPages([...reportKeys.mine()], (cursor, signal) =>
    api.reports.mine({ limit: 20, ...(cursor ? { cursor } : {}) }, signal),
  );
  return (
    <Stack gap={0} maw={960}>
      <PageHeader title={t.title} lead={t.lead} />
      <PagedList
        query={query}
        isEmpty={items.length === 0}
        empty={<Text>{t.empty}</Text>}
        label={t.list}
        loadMore={t.loadMore}
      >
        {items.map((report) => (
          <ReportCard key={report.id} report={report} />
        ))}
      </PagedList>
    </Stack>
  );
}
