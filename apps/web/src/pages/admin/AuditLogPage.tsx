import {
  type AuditAction,
  type AuditEntry,
  type AuditSubjectType,
  auditActions,
  auditSubjectTypes,
} from '@bextr/contracts';
import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useAuditLog } from './use-admin.ts';

const isAction = (v: string | null): v is AuditAction =>
  (auditActions as readonly string[]).includes(v ?? '');
const isSubjectType = (v: string | null): v is AuditSubjectType =>
  (auditSubjectTypes as readonly string[]).includes(v ?? '');

/** Where the subject of an entry is seen in the app. */
function subjectPath(subject: AuditEntry['subject']): string {
  const id = encodeURIComponent(subject.id);
  switch (subject.type) {
    case 'user':
      return `/admin/users/${id}`;
    case 'campaign':
      return `/campaigns/${id}`;
    case 'report':
      return `/admin/reports/${id}`;
    case 'faq_question':
    case 'faq_entry':
      return '/admin/faq';
  }
}

function Entry({ entry }: { entry: AuditEntry }) {
  const { m, format } = useI18n();
  const t = m.admin.audit;
  const reportId = typeof entry.details.reportId === 'string' ? entry.details.reportId : null;
  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>{t.actions[entry.action]}</Text>
          <Text size="xs" c="dimmed" component="time" dateTime={entry.createdAt}>
            {format.dateTime(entry.createdAt)}
          </Text>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t.subjects[entry.subject.type]}:{' '}
          {entry.subject.label !== null ? (
            <Anchor component={Link} to={subjectPath(entry.subject)} size="sm">
              {entry.subject.label}
            </Anchor>
          ) : (
            <Text span c="dimmed" size="sm">
              {t.gone}
            </Text>
          )}
          {reportId && entry.subject.type !== 'report' ? (
            <>
              {' · '}
              <Anchor component={Link} to={`/admin/reports/${encodeURIComponent(reportId)}`} size="sm">
                {t.report}
              </Anchor>
            </>
          ) : null}
        </Text>
        <Text size="xs" c="dimmed">
          {entry.actor ? (
            <>
              {t.by(entry.actor.name)} ·{' '}
              <Anchor
                component={Link}
                to={`/admin/audit-log?actorId=${encodeURIComponent(entry.actor.id)}`}
                size="xs"
              >
                {t.onlyThisAdmin}
              </Anchor>
            </>
          ) : (
            t.by(t.deletedAdmin)
          )}
        </Text>
        {entry.reason ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            <Text span c="dimmed" size="sm">
              {t.why}:{' '}
            </Text>
            {m.admin.quote(entry.reason)}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** /admin/audit-log: who did what, on what, when and why — newest first, filtered by action and
 * subject kind (links from a user or an admin narrow it to one subject or one admin). */
export function AuditLogPage() {
  const { m } = useI18n();
  const t = m.admin.audit;
  usePageTitle(t.title);
  const [params, setParams] = useSearchParams();
  const action = params.get('action');
  const subjectType = params.get('subjectType');
  const subjectId = params.get('subjectId');
  const actorId = params.get('actorId');
  const { query, items } = useAuditLog({
    ...(isAction(action) ? { action } : {}),
    ...(isSubjectType(subjectType) ? { subjectType } : {}),
    ...(subjectId ? { subjectId } : {}),
    ...(actorId ? { actorId } : {}),
  });
  const setParam = (key: string) => (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Select
          label={t.action}
          data={[
            { value: '', label: t.anyAction },
            ...auditActions.map((a) => ({ value: a, label: t.actions[a] })),
          ]}
          value={isAction(action) ? action : ''}
          onChange={setParam('action')}
          allowDeselect={false}
          w={{ base: '100%', xs: 260 }}
        />
        <Select
          label={t.subject}
          data={[
            { value: '', label: t.anySubject },
            ...auditSubjectTypes.map((s) => ({ value: s, label: t.subjects[s] })),
          ]}
          value={isSubjectType(subjectType) ? subjectType : ''}
          onChange={setParam('subjectType')}
          allowDeselect={false}
          w={{ base: '100%', xs: 200 }}
        />
      </Group>
      {subjectId || actorId ? (
        <Alert variant="light" mb="md">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{subjectId ? t.filteredBySubject : t.filteredByActor}</Text>
            <Button size="xs" variant="default" onClick={() => setParams(new URLSearchParams())}>
              {t.showAll}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <QueryStates query={query} isEmpty={items.length === 0} empty={t.empty}>
        <Stack component="ul" gap="sm" aria-label={t.list} p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </Stack>
        <LoadMore query={query} label={m.admin.common.more} />
      </QueryStates>
    </>
  );
}
