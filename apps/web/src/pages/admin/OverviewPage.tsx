import type { AdminStats } from '@bextr/contracts';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { BarChart } from '../../components/charts/BarChart.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { intlTag } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useAdminStats } from './use-admin.ts';

/** A card with one big figure and the states behind it. */
function StatCard({
  title,
  total,
  lines,
  link,
}: {
  title: string;
  total: number;
  lines: { label: string; value: number }[];
  link?: { to: string; label: string };
}) {
  const { format } = useI18n();
  const id = `stat-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Text size="sm" c="dimmed" fw={600} id={id} component="h2" m={0}>
        {title}
      </Text>
      <Text fz={32} fw={700} lh={1.2} mb="xs">
        {format.number(total)}
      </Text>
      <Stack gap={2} component="dl" m={0}>
        {lines.map((line) => (
          <Group key={line.label} justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" component="dt">
              {line.label}
            </Text>
            <Text size="sm" fw={600} component="dd" m={0}>
              {format.number(line.value)}
            </Text>
          </Group>
        ))}
      </Stack>
      {link ? (
        <Anchor component={Link} to={link.to} size="sm" mt="xs" display="inline-block">
          {link.label}
        </Anchor>
      ) : null}
    </Paper>
  );
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

function Cards({ stats }: { stats: AdminStats }) {
  const { m } = useI18n();
  const t = m.admin.overview;
  const states = <K extends string>(values: Record<K, number>, words: Record<K, string>) =>
    (Object.keys(values) as K[]).map((k) => ({ label: words[k], value: values[k] }));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
      <StatCard
        title={t.users}
        total={stats.users.active + stats.users.suspended}
        lines={[
          ...states(stats.users.byRole, m.roles),
          { label: m.admin.userStatuses.active, value: stats.users.active },
          { label: m.admin.userStatuses.suspended, value: stats.users.suspended },
        ]}
        link={{ to: '/admin/users', label: m.admin.nav.users }}
      />
      <StatCard
        title={t.campaigns}
        total={sum(stats.campaigns)}
        lines={states(stats.campaigns, m.campaigns.statuses)}
        link={{ to: '/admin/campaigns', label: m.admin.nav.campaigns }}
      />
      <StatCard
        title={t.offers}
        total={sum(stats.offers)}
        lines={states(stats.offers, m.offerReview.statuses)}
      />
      <StatCard
        title={t.collaborations}
        total={sum(stats.collaborations)}
        lines={states(stats.collaborations, m.admin.collaborationStatuses)}
      />
      <StatCard
        title={t.reports}
        total={stats.reports.open + stats.reports.resolved}
        lines={[
          { label: m.admin.reportStatuses.open ?? 'open', value: stats.reports.open },
          { label: m.admin.reportStatuses.resolved ?? 'resolved', value: stats.reports.resolved },
        ]}
        link={{ to: '/admin/reports', label: t.seeReports }}
      />
    </SimpleGrid>
  );
}

const seriesKeys = ['users', 'campaigns', 'offers', 'collaborations'] as const;

function Charts({ stats }: { stats: AdminStats }) {
  const { m, locale, format } = useI18n();
  const t = m.admin.overview;
  const short = new Intl.DateTimeFormat(intlTag[locale], { day: 'numeric', month: 'numeric' });
  return (
    <section aria-labelledby="weekly-title">
      <Title order={2} size="h3" id="weekly-title" mb="md">
        {t.weekly}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {seriesKeys.map((key) => {
          const data = stats.weekly.map((w) => {
            const date = new Date(`${w.week}T00:00:00Z`);
            return { label: short.format(date), fullLabel: format.date(date), value: w[key] };
          });
          const total = data.reduce((a, d) => a + d.value, 0);
          const max = Math.max(0, ...data.map((d) => d.value));
          return (
            <Paper key={key} withBorder radius="md" p="md">
              <BarChart
                title={t.series[key]}
                data={data}
                summary={t.chartSummary(t.series[key], format.number(total), format.number(max))}
                labelHeading={t.week}
                valueHeading={t.count}
                tableToggle={t.showTable}
                formatValue={(v) => format.number(v)}
              />
            </Paper>
          );
        })}
      </SimpleGrid>
    </section>
  );
}

/** /admin: the figures of the platform as cards, and the last twelve weeks as charts. */
export function OverviewPage() {
  const { m } = useI18n();
  const t = m.admin.overview;
  usePageTitle(t.title);
  const query = useAdminStats();
  return (
    <Stack gap="xl">
      <PageHeader title={t.title} lead={t.lead} />
      <QueryStates query={query}>
        {query.data ? (
          <>
            <Cards stats={query.data} />
            <Charts stats={query.data} />
          </>
        ) : null}
      </QueryStates>
    </Stack>
  );
}
