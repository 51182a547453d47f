import {
  type AdminReportListItem,
  reportCategories,
  reportCategorySchema,
  reportStatuses,
  reportStatusSchema,
} from '@bextr/contracts';
import { Anchor, Badge, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/index.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/use-cursor-pages.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useUrlFilters } from '../../components/use-url-filters.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { reportKeys } from '../reports/report-queries.ts';
import '../reports/report-status.css';
import { ReportStatusBadge } from '../reports/ReportStatusBadge.tsx';

const filterKeys = ['status', 'category'] as const;
const ALL = 'all';

function QueueItem({ report }: { report: AdminReportListItem }) {
  const { m, format } = useI18n();
  const t = m.reports.admin;
  return (
    <Paper withBorder p="md" radius="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Title order={2} size="h4" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            <Anchor component={Link} to={`/admin/reports/${encodeURIComponent(report.id)}`} inherit>
              {t.parties(report.reporter.name, report.against.name)}
            </Anchor>
          </Title>
          <ReportStatusBadge status={report.status} outcome={report.outcome} />
        </Group>
        <Group gap="xs" wrap="wrap">
          <Badge variant="outline" color="gray">
            {m.reports.categories[report.category]}
          </Badge>
          {report.against.status === 'suspended' ? (
            <Badge variant="light" color="red">
              {t.suspended}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {report.preview}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {report.campaign?.name ?? t.noCampaign} · {t.reportedOn(format.date(report.createdAt))} ·{' '}
          {t.messageCount(report.messageCount)}
        </Text>
      </Stack>
    </Paper>
  );
}

/** /admin/reports — the reports queue: open first, filtered by status and category in the URL. */
export function AdminReportsPage() {
  const { m } = useI18n();
  const t = m.reports.admin;
  usePageTitle(t.title);
  const { filters } = useUrlFilters(filterKeys);
  const [params, setParams] = useSearchParams();
  const status = reportStatusSchema.safeParse(filters.status).data;
  const category = reportCategorySchema.safeParse(filters.category).data;
  const { query, items } = useCursorPages(
    [...reportKeys.queue(status ?? ALL, category ?? ALL)],
    (cursor, signal) =>
      api.reports.queue(
        {
          limit: 20,
          ...(status ? { status } : {}),
          ...(category ? { category } : {}),
          ...(cursor ? { cursor } : {}),
        },
        signal,
      ),
  );
  const openCount = query.data?.pages[0]?.openCount;
  const setFilter = (key: (typeof filterKeys)[number]) => (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value && value !== ALL) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <Stack gap={0} maw={960}>
      <PageHeader title={t.title} lead={t.lead} />
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t.status}
            data={[
              { value: ALL, label: t.allStatuses },
              ...reportStatuses.map((s) => ({ value: s, label: m.reports.statuses[s] })),
            ]}
            value={status ?? ALL}
            onChange={setFilter('status')}
            allowDeselect={false}
            w={220}
          />
          <Select
            label={t.category}
            data={[
              { value: ALL, label: t.allCategories },
              ...reportCategories.map((c) => ({ value: c, label: m.reports.categories[c] })),
            ]}
            value={category ?? ALL}
            onChange={setFilter('category')}
            allowDeselect={false}
            w={260}
          />
          {openCount !== undefined ? (
            <Badge
              className="report-badge"
              data-tone="orange"
              color="orange"
              variant="light"
              size="lg"
              mb={4}
            >
              {t.openCount(openCount)}
            </Badge>
          ) : null}
        </Group>
        <PagedList
          query={query}
          isEmpty={items.length === 0}
          empty={<Text>{t.empty}</Text>}
          label={t.list}
          loadMore={t.loadMore}
        >
          {items.map((report) => (
            <QueueItem key={report.id} report={report} />
          ))}
        </PagedList>
      </Stack>
    </Stack>
  );
}
