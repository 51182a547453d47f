import type { EvidencePack, ImageRef } from '@bextr/contracts';
import { Alert, Anchor, Badge, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/index.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ReportLoadStates } from '../reports/ReportLoadStates.tsx';
import { ReportMessages } from '../reports/ReportMessages.tsx';
import { ReportReply } from '../reports/ReportReply.tsx';
import { outcomeColor, ReportStatusBadge } from '../reports/ReportStatusBadge.tsx';
import { reportKeys } from '../reports/report-queries.ts';
import { PartyCard } from './PartyCard.tsx';
import { ResolveForm } from './ResolveForm.tsx';
import '../reports/report-status.css';
import './evidence-pack.css';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function Images({ images, alt }: { images: readonly ImageRef[]; alt: (n: number) => string }) {
  return (
    <Group gap="xs">
      {images.map((image, i) => (
        <Anchor key={image.id} href={image.url} target="_blank" rel="noopener">
          <Image src={image.thumbUrl} alt={alt(i + 1)} w={88} h={88} radius="sm" fit="cover" />
        </Anchor>
      ))}
    </Group>
  );
}

/** A status's label, or the status itself when the app does not know it (the pack holds strings). */
const labelOf = (labels: Record<string, string>, status: string) => labels[status] ?? status;

const pre = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

function Agreement({ pack }: { pack: EvidencePack }) {
  const { m, format } = useI18n();
  const t = m.reports.admin;
  const c = pack.collaboration;
  if (!c) return <Text size="sm">{t.noCollaboration}</Text>;
  const a = c.agreement;
  const nameOf = (id: string) =>
    id === pack.reporter.id ? pack.reporter.name : id === pack.against.id ? pack.against.name : id;
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Badge variant="light">{labelOf(m.collaborations.statuses, c.status)}</Badge>
        {c.statusBeforeDispute ? (
          <Text size="sm" c="dimmed">
            {t.beforeDispute(labelOf(m.collaborations.statuses, c.statusBeforeDispute))}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {t.version(c.agreementVersion)}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t.compensation}
          </Text>
          <Text size="sm" style={pre}>
            {a.price ? format.money(a.price) : `${t.barter}: ${a.barterDescription ?? ''}`}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t.publishDate}
          </Text>
          <Text size="sm">{a.publishDate ? format.date(a.publishDate) : '—'}</Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t.window}
          </Text>
          <Text size="sm">
            {a.startDate ? format.date(a.startDate) : '—'} – {a.endDate ? format.date(a.endDate) : '—'}
          </Text>
        </Stack>
      </SimpleGrid>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t.deliverables}
        </Title>
        {c.deliverables.map((line) => (
          <Paper key={line.id} withBorder p="sm" radius="sm" opacity={line.current ? 1 : 0.7}>
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {line.quantity ?? ''} ×{' '}
                  {line.type
                    ? ((m.campaigns.deliverableTypes as Record<string, string>)[line.type] ?? line.type)
                    : '—'}
                  {line.network
                    ? ` · ${(m.campaigns.networks as Record<string, string>)[line.network] ?? line.network}`
                    : ''}
                </Text>
                <Badge
                  size="sm"
                  variant="light"
                  className="report-badge"
                  data-tone={line.status === 'approved' ? 'teal' : 'gray'}
                  color={line.status === 'approved' ? 'teal' : 'gray'}
                >
                  {t.lineStatuses[line.status] ?? line.status}
                </Badge>
              </Group>
              {line.proofs.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t.noProofs}
                </Text>
              ) : (
                line.proofs.map((proof) => (
                  <Stack
                    key={proof.id}
                    gap={4}
                    pl="sm"
                    style={{ borderLeft: '3px solid var(--mantine-color-default-border)' }}
                  >
                    <Text size="xs" c="dimmed">
                      {format.dateTime(proof.createdAt)}
                    </Text>
                    {proof.url ? (
                      <Anchor
                        href={proof.url}
                        target="_blank"
                        rel="noopener noreferrer"
                        size="sm"
                        style={pre}
                      >
                        {proof.url}
                      </Anchor>
                    ) : null}
                    {proof.note ? (
                      <Text size="sm" style={pre}>
                        {proof.note}
                      </Text>
                    ) : null}
                    {proof.images.length > 0 ? <Images images={proof.images} alt={t.proofImageAlt} /> : null}
                    {proof.decision ? (
                      <Text size="sm">
                        {t.decision}: {t.lineStatuses[proof.decision] ?? proof.decision}
                        {proof.decisionNote ? ` — “${proof.decisionNote}”` : ''}
                      </Text>
                    ) : null}
                  </Stack>
                ))
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t.amendments}
        </Title>
        {c.amendments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t.noAmendments}
          </Text>
        ) : (
          c.amendments.map((amendment) => (
            <Paper key={amendment.id} withBorder p="sm" radius="sm">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="sm">
                  {t.proposedBy(nameOf(amendment.proposedBy))} · {format.dateTime(amendment.createdAt)}
                </Text>
                <Badge size="sm" variant="light">
                  {labelOf(m.collaborations.amendments.statuses, amendment.status)}
                </Badge>
              </Group>
              {amendment.note ? (
                <Text size="sm" style={pre}>
                  {amendment.note}
                </Text>
              ) : null}
              <Text size="xs" c="dimmed" ff="monospace" style={pre}>
                {JSON.stringify(amendment.changes)}
              </Text>
            </Paper>
          ))
        )}
      </Stack>
    </Stack>
  );
}

function Thread({ pack }: { pack: EvidencePack }) {
  const { m, format } = useI18n();
  const t = m.reports.admin;
  const thread = pack.thread;
  if (!thread || thread.messages.length === 0) return <Text size="sm">{t.noThread}</Text>;
  const nameOf = (id: string) => (id === pack.reporter.id ? pack.reporter.name : pack.against.name);
  return (
    <Stack gap="xs">
      {thread.truncated ? (
        <Text size="sm" c="dimmed">
          {t.threadTruncated}
        </Text>
      ) : null}
      <Stack
        gap="xs"
        component="ol"
        p={0}
        m={0}
        style={{ listStyle: 'none', maxHeight: 560, overflowY: 'auto' }}
      >
        {thread.messages.map((message) => (
          <li key={message.id}>
            <Paper
              p="sm"
              radius="md"
              bg={message.senderId === pack.reporter.id ? 'var(--mantine-color-default-hover)' : undefined}
              withBorder
            >
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {nameOf(message.senderId)}
                </Text>
                <Text size="xs" c="dimmed" component="time" dateTime={message.createdAt}>
                  {format.dateTime(message.createdAt)}
                </Text>
              </Group>
              {message.body ? (
                <Text size="sm" style={pre}>
                  {message.body}
                </Text>
              ) : null}
              {message.attachments.length > 0 ? (
                <Images images={message.attachments} alt={t.attachmentAlt} />
              ) : null}
            </Paper>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function Pack({ pack }: { pack: EvidencePack }) {
  const { m, format } = useI18n();
  const t = m.reports.admin;
  const r = pack.report;
  const open = r.status === 'open';
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to="/admin/reports" size="sm">
          ← {t.back}
        </Anchor>
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {t.packTitle(pack.campaign?.name ?? t.noCampaign)}
          </Title>
          <ReportStatusBadge status={r.status} outcome={r.outcome} />
        </Group>
        <Text c="dimmed">
          {t.parties(pack.reporter.name, pack.against.name)} · {m.reports.categories[r.category]} ·{' '}
          {t.reportedOn(format.date(r.createdAt))}
        </Text>
      </Stack>

      {!open && r.outcome ? (
        <Alert color={outcomeColor(r.outcome)} variant="light" title={m.reports.outcomes[r.outcome]}>
          <Stack gap={4}>
            {r.resolvedBy && r.resolvedAt ? (
              <Text size="sm">{t.resolvedBy(r.resolvedBy, format.dateTime(r.resolvedAt))}</Text>
            ) : null}
            {r.resolutionNote ? (
              <Text size="sm" style={pre}>
                {r.resolutionNote}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}

      <div className="evidence-pack">
        <Stack gap="lg" className="evidence-pack-main">
          <Section id="pack-report" title={t.report}>
            <Text style={pre}>{r.description}</Text>
            <Text size="sm" fw={600}>
              {t.evidence}
            </Text>
            {r.evidence.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t.noEvidence}
              </Text>
            ) : (
              <Images images={r.evidence} alt={t.evidenceAlt} />
            )}
          </Section>
          <Section id="pack-agreement" title={t.agreement}>
            <Agreement pack={pack} />
          </Section>
          <Section id="pack-thread" title={t.thread}>
            {pack.offer ? (
              <Text size="sm" c="dimmed" style={pre}>
                {t.offerStatus(
                  m.offerReview.statuses[pack.offer.status as keyof typeof m.offerReview.statuses] ??
                    pack.offer.status,
                )}
                {' · '}
                {t.pitch}: {pack.offer.pitch}
              </Text>
            ) : null}
            <Thread pack={pack} />
          </Section>
        </Stack>
        <Stack gap="lg" className="evidence-pack-side">
          <PartyCard title={t.reporter} party={pack.reporter} headingId="pack-reporter" />
          <PartyCard title={t.reported} party={pack.against} headingId="pack-reported" />
          <Section id="pack-messages" title={t.messages}>
            <ReportMessages messages={r.messages} admin />
            {open ? <ReportReply reportId={r.id} admin /> : null}
          </Section>
          {open ? (
            <Section id="pack-resolve" title={t.resolve}>
              <ResolveForm reportId={r.id} againstName={pack.against.name} />
            </Section>
          ) : null}
        </Stack>
      </div>
    </Stack>
  );
}

/** /admin/reports/:id — the evidence pack: the report, both parties' history, the agreement with its
 * deliverables, proofs and amendments, the whole thread; messaging the parties and the decision. */
export function AdminReportPage() {
  const { id = '' } = useParams();
  const { m } = useI18n();
  const pack = useQuery({
    queryKey: reportKeys.pack(id),
    queryFn: ({ signal }) => api.reports.pack(id, signal),
    refetchInterval: 30_000,
  });
  usePageTitle(
    pack.data
      ? m.reports.admin.packTitle(pack.data.campaign?.name ?? m.reports.admin.noCampaign)
      : m.reports.admin.title,
  );
  if (pack.isPending || (pack.isError && !pack.data))
    return <ReportLoadStates query={pack} back={{ to: '/admin/reports', label: m.reports.admin.back }} />;
  return <Pack pack={pack.data} />;
}
