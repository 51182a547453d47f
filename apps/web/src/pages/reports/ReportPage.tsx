import type { Report } from '@bextr/contracts';
import { Alert, Anchor, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/index.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ReportLoadStates } from './ReportLoadStates.tsx';
import { ReportMessages } from './ReportMessages.tsx';
import { ReportReply } from './ReportReply.tsx';
import { outcomeColor, ReportStatusBadge } from './ReportStatusBadge.tsx';
import { reportKeys } from './report-queries.ts';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

function ReportView({ report }: { report: Report }) {
  const { m, format } = useI18n();
  const t = m.reports.page;
  const category = m.reports.categories[report.category];
  const mine = report.side === 'reporter';
  return (
    <Stack gap="lg" maw={880}>
      <Stack gap="xs">
        <Anchor component={Link} to="/reports" size="sm">
          ← {t.back}
        </Anchor>
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {t.title(category)}
          </Title>
          <ReportStatusBadge status={report.status} outcome={report.outcome} />
        </Group>
        <Text c="dimmed">{mine ? t.youFiled : t.aboutYou(report.reporter.name)}</Text>
      </Stack>

      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact label={mine ? t.reportedParty : t.reportedBy}>
            {mine ? report.against.name : report.reporter.name}
          </Fact>
          <Fact label={t.campaign}>{report.campaign?.name ?? '—'}</Fact>
          <Fact label={t.reportedOn}>{format.date(report.createdAt)}</Fact>
          <Fact label={t.status}>
            {m.reports.statuses[report.status]}
            {report.outcome ? ` · ${m.reports.outcomes[report.outcome]}` : ''}
          </Fact>
        </SimpleGrid>
        <Group gap="md" mt="md">
          {report.collaborationId ? (
            <Anchor
              component={Link}
              to={`/collaborations/${encodeURIComponent(report.collaborationId)}`}
              size="sm"
            >
              {t.collaborationLink}
            </Anchor>
          ) : null}
          {report.conversationId ? (
            <Anchor component={Link} to={`/inbox/${encodeURIComponent(report.conversationId)}`} size="sm">
              {t.threadLink}
            </Anchor>
          ) : null}
        </Group>
      </Paper>

      {report.status === 'resolved' && report.outcome ? (
        <Alert color={outcomeColor(report.outcome)} variant="light" title={t.resolved}>
          <Stack gap="xs">
            <Text size="sm">{t.outcomeText[report.outcome]}</Text>
            {report.resolutionNote ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                <strong>{t.teamNote}:</strong> {report.resolutionNote}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}

      <Stack gap="xs" component="section" aria-labelledby="report-description">
        <Title order={2} size="h3" id="report-description">
          {t.description}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{report.description}</Text>
      </Stack>

      {mine && report.evidence.length > 0 ? (
        <Stack gap="xs" component="section" aria-labelledby="report-evidence">
          <Title order={2} size="h3" id="report-evidence">
            {t.evidence}
          </Title>
          <Text size="sm" c="dimmed">
            {t.evidenceNote}
          </Text>
          <Group gap="sm">
            {report.evidence.map((image, i) => (
              <Anchor key={image.id} href={image.url} target="_blank" rel="noopener">
                <Image
                  src={image.thumbUrl}
                  alt={t.evidenceAlt(i + 1)}
                  w={96}
                  h={96}
                  radius="sm"
                  fit="cover"
                />
              </Anchor>
            ))}
          </Group>
        </Stack>
      ) : null}

      <Stack gap="sm" component="section" aria-labelledby="report-messages">
        <Title order={2} size="h3" id="report-messages">
          {t.messages}
        </Title>
        <Text size="sm" c="dimmed">
          {t.messagesLead}
        </Text>
        <ReportMessages messages={report.messages} />
        {report.status === 'open' ? (
          <ReportReply reportId={report.id} />
        ) : (
          <Text size="sm" c="dimmed">
            {t.closed}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}

/** /reports/:id — one report for one of its parties: what was reported, the status and outcome, the
 * messages with the team and the reply box. */
export function ReportPage() {
  const { id = '' } = useParams();
  const { m } = useI18n();
  const report = useQuery({
    queryKey: reportKeys.one(id),
    queryFn: ({ signal }) => api.reports.get(id, signal),
    refetchInterval: 30_000,
  });
  usePageTitle(
    report.data ? m.reports.page.title(m.reports.categories[report.data.category]) : m.reports.mine.title,
  );
  if (report.isPending || (report.isError && !report.data))
    return <ReportLoadStates query={report} back={{ to: '/reports', label: m.reports.page.back }} />;
  return <ReportView report={report.data} />;
}
