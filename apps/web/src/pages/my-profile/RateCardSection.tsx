import { deliverableTypes, type InfluencerProfile, influencerProfileBodySchema } from '@bextr/contracts';
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/index.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { deliverableTypeOptions } from '../campaign/options.ts';
import { useFieldErrors, useProfileMutation } from './use-my-profile.ts';

interface Row {
  key: number;
  type: string;
  /** In whole euros (with cents), as typed. */
  price: string | number;
}

const MAX_ROWS = deliverableTypes.length;
let nextKey = 1;

/** The optional rate card: a price in EUR per deliverable type, each type at most once. */
export function RateCardSection({ profile }: { profile: InfluencerProfile }) {
  const { m } = useI18n();
  const t = m.influencers.rateCard;
  const save = useProfileMutation(api.influencers.save);
  const f = useFieldErrors();
  const [rows, setRows] = useState<Row[]>(() =>
    profile.rateCard.map((r) => ({ key: nextKey++, type: r.type, price: r.price.amount / 100 })),
  );
  const change = (key: number, patch: Partial<Row>) =>
    setRows((old) => old.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRow = () =>
    setRows((old) => {
      const used = new Set(old.map((r) => r.type));
      const type = deliverableTypes.find((d) => !used.has(d)) ?? '';
      return [...old, { key: nextKey++, type, price: '' }];
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const rateCard = rows.map((r) => ({
      type: r.type || undefined,
      price: r.price === '' ? undefined : { amount: Math.round(Number(r.price) * 100), currency: 'EUR' },
    }));
    const body = f.check(influencerProfileBodySchema, { rateCard });
    if (body) save.mutate(body, { onError: f.fail });
  };
  const err = (path: string) => f.errors[path] ?? f.errors[`rateCard.${path}`];
  const listError = f.errors.rateCard ?? f.errors._form;
  return (
    <form noValidate onSubmit={submit} aria-label={m.influencers.onboarding.steps.rateCard}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t.lead}
        </Text>
        <FormAlert error={f.formError} />
        {rows.length === 0 ? <Text c="dimmed">{t.empty}</Text> : null}
        {rows.map((r, i) => (
          <Group key={r.key} align="flex-start" wrap="nowrap" gap="sm">
            <Select
              label={t.type(i + 1)}
              required
              data={deliverableTypeOptions(m)}
              value={r.type || null}
              error={f.errors[`rateCard.${i}.type`]}
              onChange={(type) => change(r.key, { type: type ?? '' })}
              style={{ flex: 1, minWidth: 0 }}
            />
            <NumberInput
              label={t.price(i + 1)}
              required
              min={0}
              max={1_000_000}
              decimalScale={2}
              thousandSeparator=" "
              suffix=" €"
              value={r.price}
              error={f.errors[`rateCard.${i}.price`] ?? err(`${i}.price.amount`)}
              onChange={(price) => change(r.key, { price })}
              style={{ flex: 1, minWidth: 0 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              aria-label={t.removeRow(i + 1)}
              onClick={() => setRows((old) => old.filter((x) => x.key !== r.key))}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        {listError ? (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {listError}
          </Text>
        ) : null}
        <Group gap="sm">
          <Button variant="light" onClick={addRow} disabled={rows.length >= MAX_ROWS}>
            {t.addRow}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {m.influencers.onboarding.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
