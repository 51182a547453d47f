import type { Collaboration } from '@bextr/contracts';
import { Alert, Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/index.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ReportButton } from '../reports/ReportButton.tsx';
import { AmendmentsSection } from './AmendmentsSection.tsx';
import { CancelRequestBanner, CancelSection } from './CancelSection.tsx';
import { CollaborationStatusBadge } from './CollaborationStatusBadge.tsx';
import { DeliverableCard } from './DeliverableCard.tsx';
import { ReviewSection } from './ReviewSection.tsx';
import { useCollaboration } from './use-collaboration.ts';
import './collaboration.css';

function Fact({ label, compact, children }: { label: string; compact?: boolean; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text
        component="dd"
        m={0}
        fw={500}
        size={compact ? 'sm' : undefined}
        style={{ overflowWrap: 'anywhere' }}
      >
        {children}
      </Text>
    </div>
  );
}

/** The agreed terms: compensation and dates; `compact` for a narrow side panel. */
export function AgreementFacts({
  collaboration: c,
  compact,
}: {
  collaboration: Collaboration;
  compact?: boolean;
}) {
  const { m, format } = useI18n();
  const t = m.collaborations.agreement;
  const a = c.agreement;
  const date = (d: string | null) => (d ? format.date(d) : t.notSet);
  return (
    <SimpleGrid
      component="dl"
      cols={compact ? 2 : { base: 1, xs: 2 }}
      spacing="sm"
      verticalSpacing="xs"
      m={0}
    >
      {a.compensationType === 'paid' ? (
        <Fact label={t.price} compact={compact}>
          {a.price ? format.money(a.price) : t.notSet}
        </Fact>
      ) : (
        <Fact label={t.barter} compact={compact}>
          {a.barterDescription ?? t.notSet}
        </Fact>
      )}
      <Fact label={t.publishDate} compact={compact}>
        {date(a.publishDate)}
      </Fact>
      <Fact label={t.startDate} compact={compact}>
        {date(a.startDate)}
      </Fact>
      <Fact label={t.endDate} compact={compact}>
        {date(a.endDate)}
      </Fact>
    </SimpleGrid>
  );
}

function CollaborationView({ collaboration: c }: { collaboration: Collaboration }) {
  const { m } = useI18n();
  const t = m.collaborations;
  const other = c.mySide === 'business' ? c.influencer : c.business;
  usePageTitle(`${c.agreement.campaignName} · ${t.page.with(other.name)}`);
  const current = c.deliverables.filter((d) => d.current);
  const dropped = c.deliverables.filter((d) => !d.current);
  const { approved, total } = c.progress;
  const note = t.page.statusNotes[c.status];
  const otherPath =
    c.mySide === 'business' && other.handle
      ? `/influencers/${encodeURIComponent(other.handle)}`
      : `/businesses/${encodeURIComponent(other.id)}`;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/collaborations" size="sm">
        ← {t.page.back}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {c.agreement.campaignName}
          </Title>
          <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t.list.with('')}
            <Anchor component={Link} to={otherPath} inherit>
              {other.name}
            </Anchor>
          </Text>
        </Stack>
        <Group gap="sm">
          <CollaborationStatusBadge status={c.status} />
          <Button
            component={Link}
            to={`/inbox/${encodeURIComponent(c.conversationId)}`}
            variant="light"
            size="sm"
          >
            {t.page.openThread}
          </Button>
          <ReportButton against={{ id: other.id, name: other.name }} collaborationId={c.id} size="sm" />
        </Group>
      </Group>
      {note ? (
        <Alert
          color={c.status === 'disputed' ? 'red' : c.status === 'completed' ? 'teal' : 'blue'}
          variant="light"
        >
          {note}
        </Alert>
      ) : null}
      <CancelRequestBanner collaboration={c} />
      <div className="collab-layout">
        <Stack gap="md">
          <Paper component="section" withBorder p="lg" radius="md" aria-labelledby="deliverables-title">
            <Stack gap="sm">
              <Group justify="space-between" gap="xs">
                <Title order={2} size="h4" id="deliverables-title">
                  {t.deliverables.title}
                </Title>
                <Text size="sm" fw={500}>
                  {t.progress(approved, total)}
                </Text>
              </Group>
              <Progress
                value={total > 0 ? (approved / total) * 100 : 0}
                aria-label={t.progress(approved, total)}
              />
              <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                {current.map((line) => (
                  <DeliverableCard key={line.id} collaboration={c} line={line} />
                ))}
              </Stack>
              {dropped.length > 0 ? (
                <details>
                  <Text component="summary" size="sm" fw={500}>
                    {t.deliverables.dropped}
                  </Text>
                  <Stack component="ul" gap="sm" p={0} mt="sm" m={0} style={{ listStyle: 'none' }}>
                    {dropped.map((line) => (
                      <DeliverableCard key={line.id} collaboration={c} line={line} />
                    ))}
                  </Stack>
                </details>
              ) : null}
            </Stack>
          </Paper>
          <ReviewSection collaborationId={c.id} />
        </Stack>
        <Stack gap="md">
          <Paper component="section" withBorder p="lg" radius="md" aria-labelledby="agreement-title">
            <Stack gap="sm">
              <Group justify="space-between" gap="xs">
                <Title order={2} size="h4" id="agreement-title">
                  {t.agreement.title}
                </Title>
                <Text size="sm" c="dimmed">
                  {t.agreement.version(c.agreementVersion)}
                </Text>
              </Group>
              <AgreementFacts collaboration={c} />
              <Text size="xs" c="dimmed">
                {t.agreement.frozen}
              </Text>
            </Stack>
          </Paper>
          <AmendmentsSection collaboration={c} />
          <CancelSection collaboration={c} />
        </Stack>
      </div>
    </Stack>
  );
}

/** /collaborations/:id — the agreement, its delivery, its changes and its cancel, for either side. */
export function CollaborationPage() {
  const { m } = useI18n();
  const { id = '' } = useParams();
  const query = useCollaboration(id);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404)
      return (
        <Stack gap="sm" align="flex-start">
          <Title order={1}>{m.notFound.title}</Title>
          <Text>{m.collaborations.page.notFound}</Text>
          <Anchor component={Link} to="/collaborations">
            {m.collaborations.page.back}
          </Anchor>
        </Stack>
      );
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <CollaborationView collaboration={query.data} />;
}
