import type { PartyHistory } from '@bextr/contracts';
import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import '../reports/report-status.css';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={{ base: 110, sm: 150 }} style={{ flex: '0 0 auto' }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}

/** One party of a report as the evidence pack shows it: account facts and history. */
export function PartyCard({
  title,
  party,
  headingId,
}: {
  title: string;
  party: PartyHistory;
  headingId: string;
}) {
  const { m, format } = useI18n();
  const t = m.reports.admin;
  const reports = (list: PartyHistory['reportsFiled']) =>
    list.length === 0 ? (
      t.none
    ) : (
      <List size="sm" spacing={2}>
        {list.map((r) => (
          <List.Item key={r.id}>
            <Anchor component={Link} to={`/admin/reports/${encodeURIComponent(r.id)}`} size="sm">
              {m.reports.categories[r.category]}
            </Anchor>{' '}
            · {format.date(r.createdAt)} · {m.reports.statuses[r.status]}
            {r.outcome ? ` (${m.reports.outcomes[r.outcome]})` : ''}
          </List.Item>
        ))}
      </List>
    );
  const actions = (list: PartyHistory['warnings']) =>
    list.length === 0 ? (
      t.none
    ) : (
      <List size="sm" spacing={2}>
        {list.map((a) => (
          <List.Item key={`${a.action}-${a.at}`}>
            {t.actionLabels[a.action] ?? a.action} · {format.date(a.at)}
            {a.by ? ` ${t.by(a.by)}` : ''}
            {a.reason ? `: “${a.reason}”` : ''}
          </List.Item>
        ))}
      </List>
    );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {title}: {party.name}
          </Title>
          <Badge
            className="report-badge"
            data-tone={party.status === 'active' ? 'teal' : 'red'}
            color={party.status === 'active' ? 'teal' : 'red'}
            variant="light"
          >
            {party.status === 'active' ? t.active : t.suspended}
          </Badge>
        </Group>
        <Row label={t.role}>{m.roles[party.role]}</Row>
        <Row label={t.email}>
          <Anchor href={`mailto:${party.email}`} size="sm">
            {party.email}
          </Anchor>
        </Row>
        <Row label={t.accountName}>{party.accountName}</Row>
        <Row label={t.memberSince}>{format.date(party.createdAt)}</Row>
        <Row label={t.rating}>
          {party.rating.average === null
            ? t.noRating
            : t.ratingValue(format.number(party.rating.average), party.rating.count)}
        </Row>
        <Row label={t.collaborations}>{format.number(party.collaborationsCount)}</Row>
        <Row label={t.reportsFiled}>{reports(party.reportsFiled)}</Row>
        <Row label={t.reportsAgainst}>{reports(party.reportsAgainst)}</Row>
        <Row label={t.warnings}>{actions(party.warnings)}</Row>
        <Row label={t.suspensions}>{actions(party.suspensions)}</Row>
        {party.suspendedAt && party.suspensionReason ? (
          <Text size="sm" c="red">
            {t.suspended} · {format.date(party.suspendedAt)}: “{party.suspensionReason}”
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
