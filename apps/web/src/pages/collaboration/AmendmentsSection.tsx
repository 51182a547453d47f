import {
  AMENDMENT_NOTE_MAX,
  type Amendment,
  type AmendmentBody,
  type Collaboration,
  type Deliverable,
} from '@bextr/contracts';
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api, isApiError } from '../../api/index.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useNotify } from '../../components/use-notify.ts';
import type { Messages } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { deliverableTypeOptions, networkOptions } from '../campaign/options.ts';
import { deliverableLine } from '../offers/OfferFacts.tsx';
import { useCollaborationAction } from './use-collaboration.ts';

type Format = ReturnType<typeof useI18n>['format'];

/** What an amendment changes, one sentence per term. */
export function describeChanges(m: Messages, format: Format, changes: Amendment['changes']): string[] {
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

interface Row {
  key?: string;
  type: string;
  network: string;
  quantity: number | '';
  notes: string;
  locked: boolean;
}

/** The proposal form: only the terms that differ from the agreement are sent. */
function ProposeForm({ collaboration: c, onClose }: { collaboration: Collaboration; onClose: () => void }) {
  const { m } = useI18n();
  const t = m.collaborations.amendments.form;
  const notify = useNotify();
  const a = c.agreement;
  const approved = new Set(
    c.deliverables.filter((d) => d.current && d.status === 'approved').map((d) => d.key),
  );
  const [price, setPrice] = useState<number | ''>(a.price ? a.price.amount / 100 : '');
  const [publishDate, setPublishDate] = useState(a.publishDate ?? '');
  const [startDate, setStartDate] = useState(a.startDate ?? '');
  const [endDate, setEndDate] = useState(a.endDate ?? '');
  const [changeLines, setChangeLines] = useState(false);
  const [rows, setRows] = useState<Row[]>(() =>
    a.deliverables.map((d) => ({
      key: d.key,
      type: d.type,
      network: d.network,
      quantity: d.quantity,
      notes: d.notes ?? '',
      locked: approved.has(d.key),
    })),
  );
  const [note, setNote] = useState('');
  const [nothing, setNothing] = useState(false);
  const propose = useCollaborationAction(c.id, (body: AmendmentBody) =>
    api.collaborations.propose(c.id, body),
  );

  const setRow = (i: number, patch: Partial<Row>) =>
    setRows((list) => list.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes: AmendmentBody['changes'] = {};
    const cents = price === '' ? null : Math.round(Number(price) * 100);
    if (a.compensationType === 'paid' && cents !== null && cents !== a.price?.amount)
      changes.priceAmount = cents;
    if (publishDate && publishDate !== a.publishDate) changes.publishDate = publishDate;
    if (startDate && startDate !== a.startDate) changes.startDate = startDate;
    if (endDate && endDate !== a.endDate) changes.endDate = endDate;
    if (changeLines)
      changes.deliverables = rows.map((r) => ({
        ...(r.key ? { key: r.key } : {}),
        type: r.type as Deliverable['type'],
        network: r.network as Deliverable['network'],
        quantity: r.quantity === '' ? 0 : r.quantity,
        ...(r.notes.trim() ? { notes: r.notes.trim() } : {}),
      }));
    if (Object.keys(changes).length === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    propose.mutate(
      { changes, ...(note.trim() ? { note } : {}) },
      {
        onSuccess: () => {
          notify(m.collaborations.amendments.proposed);
          onClose();
        },
      },
    );
  };
  const fieldNotes = isApiError(propose.error) ? propose.error.fields.map((f) => f.message) : [];
  return (
    <Paper
      component="form"
      withBorder
      p="md"
      radius="md"
      onSubmit={submit}
      noValidate
      aria-labelledby="propose-title"
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id="propose-title">
          {t.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t.hint}
        </Text>
        {a.compensationType === 'paid' ? (
          <NumberInput
            label={t.price}
            min={1}
            decimalScale={2}
            value={price}
            onChange={(v) => setPrice(v === '' ? '' : Number(v))}
            maw={220}
          />
        ) : null}
        <Group gap="sm" align="flex-start" wrap="wrap">
          <DateField
            label={t.publishDate}
            value={publishDate}
            onChange={setPublishDate}
            style={{ flex: '1 1 180px' }}
          />
          <DateField
            label={t.startDate}
            value={startDate}
            onChange={setStartDate}
            style={{ flex: '1 1 180px' }}
          />
          <DateField label={t.endDate} value={endDate} onChange={setEndDate} style={{ flex: '1 1 180px' }} />
        </Group>
        <Checkbox
          label={t.changeDeliverables}
          checked={changeLines}
          onChange={(e) => setChangeLines(e.currentTarget.checked)}
        />
        {changeLines ? (
          <fieldset className="choice-fieldset">
            <legend className="choice-legend">{t.deliverables}</legend>
            <Stack gap="sm">
              {rows.map((row, i) =>
                row.locked ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is their identity
                  <Paper key={i} withBorder p="sm" radius="md">
                    <Group justify="space-between" gap="xs">
                      <Text size="sm" fw={500}>
                        {deliverableLine(m, row as unknown as Deliverable)}
                      </Text>
                      <Badge variant="light" color="teal">
                        {t.approvedLocked}
                      </Badge>
                    </Group>
                  </Paper>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is their identity
                  <Paper key={i} withBorder p="sm" radius="md" role="group" aria-label={t.row(i + 1)}>
                    <Group align="flex-start" gap="sm" wrap="wrap">
                      <Select
                        label={m.campaigns.editor.deliverableType}
                        data={deliverableTypeOptions(m)}
                        value={row.type}
                        allowDeselect={false}
                        onChange={(v) => setRow(i, { type: v ?? row.type })}
                        style={{ flex: '1 1 120px' }}
                      />
                      <Select
                        label={m.campaigns.editor.deliverableNetwork}
                        data={networkOptions(m)}
                        value={row.network}
                        allowDeselect={false}
                        onChange={(v) => setRow(i, { network: v ?? row.network })}
                        style={{ flex: '1 1 140px' }}
                      />
                      <NumberInput
                        label={m.campaigns.editor.quantity}
                        min={1}
                        max={100}
                        allowDecimal={false}
                        w={100}
                        value={row.quantity}
                        onChange={(v) => setRow(i, { quantity: v === '' ? '' : Number(v) })}
                      />
                      <TextInput
                        label={m.campaigns.editor.notes}
                        value={row.notes}
                        onChange={(e) => setRow(i, { notes: e.currentTarget.value })}
                        style={{ flex: '2 1 200px' }}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        mt={26}
                        aria-label={t.remove(i + 1)}
                        onClick={() => setRows((list) => list.filter((_, j) => j !== i))}
                      >
                        ✕
                      </ActionIcon>
                    </Group>
                  </Paper>
                ),
              )}
              <Group>
                <Button
                  variant="light"
                  onClick={() =>
                    setRows((list) => [
                      ...list,
                      { type: 'post', network: 'instagram', quantity: 1, notes: '', locked: false },
                    ])
                  }
                >
                  {t.add}
                </Button>
              </Group>
            </Stack>
          </fieldset>
        ) : null}
        <Textarea
          label={t.note}
          autosize
          minRows={2}
          maxLength={AMENDMENT_NOTE_MAX}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {nothing ? (
          <Text size="sm" c="red" role="alert">
            {t.nothing}
          </Text>
        ) : null}
        <FormAlert error={propose.error} extra={fieldNotes} />
        <Group gap="sm">
          <Button type="submit" loading={propose.isPending}>
            {t.submit}
          </Button>
          <Button variant="subtle" onClick={onClose}>
            {t.cancel}
          </Button>
        </Group>
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
                      <Badge variant="light" color={a.status === 'accepted' ? 'teal' : 'gray'}>
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
