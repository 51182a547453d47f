import {
  AMENDMENT_NOTE_MAX,
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
import { useI18n } from '../../i18n/use-i18n.ts';
import { deliverableTypeOptions, networkOptions } from '../campaign/options.ts';
import { deliverableLine } from '../offers/OfferFacts.tsx';
import { useCollaborationAction } from './use-collaboration.ts';

interface Row {
  key?: string;
  type: string;
  network: string;
  quantity: number | '';
  notes: string;
  locked: boolean;
}

/** The proposal form: only the terms that differ from the agreement are sent. */
export function ProposeForm({
  collaboration: c,
  onClose,
}: {
  collaboration: Collaboration;
  onClose: () => void;
}) {
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
                      <Badge variant="light" color="teal" className="collab-status" data-status="approved">
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
