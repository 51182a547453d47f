import type { Amendment, Collaboration, Deliverable } from '@bextr/contracts';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/index.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useNotify } from '../../components/use-notify.ts';
import type { Messages } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { deliverableLine } from '../offers/OfferFacts.tsx';
import { ProposeForm } from './ProposeForm.tsx';
import { useCollaborationAction } from './use-collaboration.ts';

type Format = ReturnType<typeof useI18n>['format'];

/** What an amendment changes, one sentence per term. */
function describeChanges(m: Messages, format: Format, changes: Amendment['changes']): string[] {
  const t = m.collaborations.amendments;
  const lines: string[] = [];
  if (changes.priceAmount !== undefined)
    lines.push(t.priceTo(format.money({ amount: changes.priceAmount, currency: 'EUR' })));
  if (changes.publishDate) lines.push(t.publishTo(format.date(changes.publishDate)));
  if (changes.startDate) lines.push(t.startTo(format.date(changes.startDate)));
  if (changes.endDate) lines.push(t.endTo(format.date(changes.endDate)));
  if (changes.deliverables)
    lines.push(
      t.deliverablesTo(changes.deliverables.map((d) => deliverableLine(m, d as Deliverable)).join(', ')),
    );
  return lines;
}

function ChangeList({ amendment }: { amendment: Amendment }) {
  const { m, format } = useI18n();
  return (
    <Stack component="ul" gap={2} m={0} pl="md">
      {describeChanges(m, format, amendment.changes).map((line) => (
        <Text component="li" size="sm" key={line} style={{ overflowWrap: 'anywhere' }}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}

function proposerLabel(m: Messages, c: Collaboration, a: Amendment) {
  const t = m.collaborations.amendments;
  if (a.proposedBy === c.mySide) return t.byYou;
  return a.proposedBy === 'business' ? t.byBusiness(c.business.name) : t.byInfluencer(c.influencer.name);
}

/** The amendment waiting for an answer: what it changes, and the answer the viewer may give. */
function PendingAmendment({
  collaboration: c,
  amendment: a,
}: {
  collaboration: Collaboration;
  amendment: Amendment;
}) {
  const { m } = useI18n();
  const t = m.collaborations.amendments;
  const notify = useNotify();
  const act = useCollaborationAction(c.id, (verb: 'accept' | 'decline' | 'withdraw') =>
    api.collaborations.answerAmendment(c.id, a.id, verb),
  );
  const done = { accept: t.accepted, decline: t.declined, withdraw: t.withdrawn };
  const run = (verb: 'accept' | 'decline' | 'withdraw') =>
    act.mutate(verb, { onSuccess: () => notify(done[verb]) });
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      bg="var(--mantine-color-violet-light)"
      aria-labelledby="pending-amendment"
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id="pending-amendment">
            {t.pendingTitle}
          </Title>
          <Text size="sm" fw={500}>
            {proposerLabel(m, c, a)}
          </Text>
        </Group>
        <ChangeList amendment={a} />
        {a.note ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {t.note}: {a.note}
          </Text>
        ) : null}
        <Group gap="sm">
          {c.abilities.decideAmendment ? (
            <>
              <Button loading={act.isPending && act.variables === 'accept'} onClick={() => run('accept')}>
                {t.accept}
              </Button>
              <Button
                variant="default"
                loading={act.isPending && act.variables === 'decline'}
                onClick={() => run('decline')}
              >
                {t.decline}
              </Button>
            </>
          ) : null}
          {c.abilities.withdrawAmendment ? (
            <Button variant="default" loading={act.isPending} onClick={() => run('withdraw')}>
              {t.withdraw}
            </Button>
          ) : null}
        </Group>
        <FormAlert error={act.error} />
      </Stack>
    </Paper>
  );
}

/** Changes to the agreement: the pending one with its answer, the way to propose one, the history. */
export function AmendmentsSection({ collaboration: c }: { collaboration: Collaboration }) {
  const { m, format } = useI18n();
  const t = m.collaborations.amendments;
  const [proposing, setProposing] = useState(false);
  const pending = c.amendments.find((a) => a.status === 'pending');
  const history = c.amendments.filter((a) => a.status !== 'pending');
  return (
    <Paper component="section" withBorder p="lg" radius="md" aria-labelledby="amendments-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="amendments-title">
            {t.title}
          </Title>
          <Text size="sm" c="dimmed">
            {t.lead}
          </Text>
        </div>
        {pending ? <PendingAmendment collaboration={c} amendment={pending} /> : null}
        {c.abilities.proposeAmendment && !proposing ? (
          <Group>
            <Button variant="light" onClick={() => setProposing(true)}>
              {t.propose}
            </Button>
          </Group>
        ) : null}
        {proposing && c.abilities.proposeAmendment ? (
          <ProposeForm collaboration={c} onClose={() => setProposing(false)} />
        ) : null}
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t.history}
          </Title>
          {history.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t.noHistory}
            </Text>
          ) : (
            <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {history.map((a) => (
                <Paper component="li" key={a.id} withBorder p="sm" radius="md">
                  <Stack gap={4}>
                    <Group justify="space-between" gap="xs">
                      <Text size="sm" fw={500}>
                        {proposerLabel(m, c, a)} · {format.date(a.createdAt)}
                      </Text>
                      <Badge
                        variant="light"
                        color={a.status === 'accepted' ? 'teal' : 'gray'}
                        className="collab-status"
                        data-status={a.status === 'accepted' ? 'approved' : a.status}
                      >
                        {t.statuses[a.status]}
                      </Badge>
                    </Group>
                    <ChangeList amendment={a} />
                    {a.note ? (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                        {t.note}: {a.note}
                      </Text>
                    ) : null}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
