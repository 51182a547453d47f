import type { AdminUserDetail } from '@bextr/contracts';
import { languageNames } from '@bextr/contracts';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryStates } from '../../components/QueryStates.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import { UserStatusBadge } from './UserStatusBadge.tsx';
import { type UserAction, useAdminUser, useUserAction } from './use-admin.ts';

/** The UI's word for a value, or the value itself when the catalogue has none. */
const label = (words: Record<string, string>, value: string) => words[value] ?? value;

/** One titled card of the page; `id` is the title's id, which labels the section. */
function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function Actions({ user }: { user: AdminUserDetail }) {
  const { m } = useI18n();
  const t = m.admin.user;
  const notify = useNotify();
  const action = useUserAction(user.id);
  const [open, setOpen] = useState<UserAction | null>(null);
  const close = () => {
    setOpen(null);
    action.reset();
  };
  const dialogs = {
    warn: { title: t.warnTitle, hint: t.warnHint, label: t.warnLabel, submit: t.warnSubmit, done: t.warned },
    suspend: {
      title: t.suspendTitle,
      hint: t.suspendHint,
      label: t.suspendLabel,
      submit: t.suspendSubmit,
      done: t.suspended,
    },
    reinstate: {
      title: t.reinstateTitle,
      hint: t.reinstateHint,
      label: t.reinstateLabel,
      submit: t.reinstateSubmit,
      done: t.reinstated,
    },
  } as const;
  const dialog = open ? dialogs[open] : null;
  if (user.role === 'admin') return <Text c="dimmed">{t.adminNote}</Text>;
  return (
    <>
      <Group gap="sm">
        {user.abilities.warn ? (
          <Button variant="default" onClick={() => setOpen('warn')}>
            {t.warn}
          </Button>
        ) : null}
        {user.abilities.suspend ? (
          <Button color="red" onClick={() => setOpen('suspend')}>
            {t.suspend}
          </Button>
        ) : null}
        {user.abilities.reinstate ? (
          <Button onClick={() => setOpen('reinstate')}>{t.reinstate}</Button>
        ) : null}
      </Group>
      <ReasonDialog
        opened={open !== null}
        onClose={close}
        title={dialog?.title ?? ''}
        hint={dialog?.hint ?? ''}
        label={dialog?.label ?? ''}
        submit={dialog?.submit ?? ''}
        required={open !== 'reinstate'}
        danger={open === 'suspend'}
        pending={action.isPending}
        error={action.error}
        onSubmit={(text) => {
          if (!open) return;
          const done = dialogs[open].done;
          action.mutate(
            { action: open, text },
            {
              onSuccess: () => {
                setOpen(null);
                notify(done);
              },
            },
          );
        }}
      />
    </>
  );
}

/** /admin/users/:id: the account, its activity, reports, warnings and suspensions, and the actions. */
export function UserPage() {
  const { id = '' } = useParams();
  const { m, format } = useI18n();
  const t = m.admin.user;
  const query = useAdminUser(id);
  const user = query.data?.user;
  usePageTitle(user ? (user.displayName ?? user.name) : m.admin.users.title);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/admin/users" size="sm">
        ← {t.back}
      </Anchor>
      <QueryStates query={query}>
        {user ? (
          <>
            <Stack gap={4}>
              <Group gap="sm" align="center">
                <Title order={1} style={{ overflowWrap: 'anywhere' }}>
                  {user.displayName ?? user.name}
                </Title>
                <Badge variant="outline">{m.roles[user.role]}</Badge>
                <UserStatusBadge status={user.status} />
              </Group>
              {user.handle ? <Text c="dimmed">@{user.handle}</Text> : null}
            </Stack>
            {user.status === 'suspended' ? (
              <Alert
                color="red"
                variant="light"
                title={user.suspendedAt ? t.suspendedSince(format.dateTime(user.suspendedAt)) : undefined}
              >
                {user.suspensionReason
                  ? `${t.suspensionReason}: ${m.admin.quote(user.suspensionReason)}`
                  : null}
              </Alert>
            ) : null}
            <Section id="user-actions" title={t.actions}>
              <Actions user={user} />
            </Section>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              <Section id="user-account" title={t.account}>
                <SimpleGrid component="dl" cols={2} spacing="sm" m={0}>
                  <Fact label={t.email}>{user.email}</Fact>
                  <Fact label={t.role}>{m.roles[user.role]}</Fact>
                  <Fact label={t.language}>{languageNames[user.locale]}</Fact>
                  <Fact label={t.joined}>{format.date(user.createdAt)}</Fact>
                  <Fact label={t.emailVerified}>{user.emailVerified ? t.yes : t.no}</Fact>
                  <Fact label={t.rating}>
                    {user.rating.average === null
                      ? t.noRating
                      : t.ratingValue(format.number(user.rating.average), user.rating.count)}
                  </Fact>
                  <Fact label={t.profile}>
                    {user.profilePath ? (
                      <Anchor component={Link} to={user.profilePath}>
                        {t.openProfile}
                      </Anchor>
                    ) : (
                      t.noProfile
                    )}
                  </Fact>
                </SimpleGrid>
              </Section>
              <Section id="user-activity" title={t.activity}>
                <SimpleGrid component="dl" cols={2} spacing="sm" m={0}>
                  {(Object.keys(t.counts) as (keyof typeof t.counts)[]).map((key) => (
                    <Fact key={key} label={t.counts[key]}>
                      <Text span fw={700} size="lg">
                        {format.number(user.counts[key])}
                      </Text>
                    </Fact>
                  ))}
                </SimpleGrid>
              </Section>
            </SimpleGrid>
            <Section id="user-moderation" title={t.moderation}>
              {user.moderation.length === 0 ? (
                <Text c="dimmed">{t.noModeration}</Text>
              ) : (
                <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                  {user.moderation.map((event) => (
                    <li key={event.id}>
                      <Text size="sm" fw={600}>
                        {m.admin.audit.actions[event.action]}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {format.dateTime(event.createdAt)}
                        {event.actorName ? ` · ${t.byAdmin(event.actorName)}` : ''}
                        {event.reportId ? ' · ' : ''}
                        {event.reportId ? (
                          <Anchor
                            component={Link}
                            to={`/admin/reports/${encodeURIComponent(event.reportId)}`}
                            size="xs"
                          >
                            {t.fromReport}
                          </Anchor>
                        ) : null}
                      </Text>
                      {event.reason ? <Text size="sm">{m.admin.quote(event.reason)}</Text> : null}
                    </li>
                  ))}
                </Stack>
              )}
              <Anchor
                component={Link}
                to={`/admin/audit-log?subjectId=${encodeURIComponent(user.id)}`}
                size="sm"
                mt="sm"
                display="inline-block"
              >
                {t.seeAudit}
              </Anchor>
            </Section>
            <Section id="user-reports" title={t.reports}>
              {user.reports.length === 0 ? (
                <Text c="dimmed">{t.noReports}</Text>
              ) : (
                <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                  {user.reports.map((report) => (
                    <li key={report.id}>
                      <Anchor
                        component={Link}
                        to={`/admin/reports/${encodeURIComponent(report.id)}`}
                        size="sm"
                        fw={600}
                      >
                        {report.direction === 'by'
                          ? t.reportBy(report.otherPartyName)
                          : t.reportAgainst(report.otherPartyName)}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {format.date(report.createdAt)} · {label(m.admin.reportCategories, report.category)} ·{' '}
                        {label(m.admin.reportStatuses, report.status)}
                        {report.outcome ? ` · ${label(m.admin.reportOutcomes, report.outcome)}` : ''}
                      </Text>
                    </li>
                  ))}
                </Stack>
              )}
            </Section>
          </>
        ) : null}
      </QueryStates>
    </Stack>
  );
}
