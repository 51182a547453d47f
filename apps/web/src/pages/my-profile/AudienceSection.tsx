import {
  type Audience,
  ageBuckets,
  audienceSchema,
  genders,
  type InfluencerProfile,
  sharesAddUp,
} from '@bextr/contracts';
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/index.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { countryOptions } from '../campaign/options.ts';
import { useFieldErrors, useProfileMutation } from './use-my-profile.ts';

const blank: Audience = {
  gender: { female: 0, male: 0, other: 0 },
  ages: { '13-17': 0, '18-24': 0, '25-34': 0, '35-44': 0, '45-54': 0, '55+': 0 },
  countries: [{ country: 'SK', share: 0 }],
  interests: [],
};
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

/** A live total under a group of shares: green at 100 ±1, red otherwise. */
function Total({ values, over }: { values: number[]; over?: boolean }) {
  const { m } = useI18n();
  const total = sum(values);
  const ok = over ? total <= 101 : sharesAddUp(values);
  return (
    <Text
      size="sm"
      c={
        ok
          ? 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-4))'
          : 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))'
      }
      aria-live="polite"
    >
      {m.influencers.audience.total(total)}
      {ok ? '' : ` — ${over ? m.influencers.audience.countriesOver : m.influencers.audience.mustBe100}`}
    </Text>
  );
}

export function AudienceSection({ profile }: { profile: InfluencerProfile }) {
  const { m, locale } = useI18n();
  const t = m.influencers.audience;
  const save = useProfileMutation(api.influencers.save);
  const f = useFieldErrors();
  const [a, setA] = useState<Audience>(profile.audience ?? blank);
  const num = (v: string | number) => (v === '' ? 0 : Number(v));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const audience = f.check(audienceSchema, a);
    if (audience) save.mutate({ audience }, { onError: f.fail });
  };
  const err = (path: string) => f.errors[path] ?? f.errors[`audience.${path}`];
  return (
    <form noValidate onSubmit={submit} aria-label={m.influencers.onboarding.steps.audience}>
      <Stack gap="md">
        <FormAlert error={f.formError} />
        <Fieldset legend={t.gender}>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            {genders.map((g) => (
              <NumberInput
                key={g}
                label={t[g]}
                min={0}
                max={100}
                decimalScale={1}
                value={a.gender[g]}
                onChange={(v) => setA((o) => ({ ...o, gender: { ...o.gender, [g]: num(v) } }))}
              />
            ))}
          </SimpleGrid>
          <Total values={Object.values(a.gender)} />
          {err('gender') ? (
            <Text size="sm" c="red">
              {err('gender')}
            </Text>
          ) : null}
        </Fieldset>
        <Fieldset legend={t.ages}>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
            {ageBuckets.map((b) => (
              <NumberInput
                key={b}
                label={b}
                min={0}
                max={100}
                decimalScale={1}
                value={a.ages[b]}
                onChange={(v) => setA((o) => ({ ...o, ages: { ...o.ages, [b]: num(v) } }))}
              />
            ))}
          </SimpleGrid>
          <Total values={Object.values(a.ages)} />
          {err('ages') ? (
            <Text size="sm" c="red">
              {err('ages')}
            </Text>
          ) : null}
        </Fieldset>
        <Fieldset legend={t.countries}>
          <Stack gap="xs">
            {a.countries.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are controlled inputs without an identity of their own
              <Group key={`${i}-${c.country}`} align="flex-end" wrap="nowrap">
                <Select
                  label={`${t.country} ${i + 1}`}
                  data={countryOptions(locale)}
                  searchable
                  style={{ flex: 2 }}
                  value={c.country}
                  onChange={(v) =>
                    setA((o) => ({
                      ...o,
                      countries: o.countries.map((x, j) => (j === i ? { ...x, country: v ?? 'SK' } : x)),
                    }))
                  }
                />
                <NumberInput
                  label={`${t.share} ${i + 1}`}
                  min={0}
                  max={100}
                  style={{ flex: 1 }}
                  value={c.share}
                  onChange={(v) =>
                    setA((o) => ({
                      ...o,
                      countries: o.countries.map((x, j) => (j === i ? { ...x, share: num(v) } : x)),
                    }))
                  }
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={4}
                  disabled={a.countries.length === 1}
                  aria-label={m.influencers.onboarding.removeNamed(`${t.country} ${i + 1}`)}
                  onClick={() => setA((o) => ({ ...o, countries: o.countries.filter((_, j) => j !== i) }))}
                >
                  ✕
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                disabled={a.countries.length >= 10}
                onClick={() =>
                  setA((o) => ({ ...o, countries: [...o.countries, { country: 'CZ', share: 0 }] }))
                }
              >
                {t.addCountry}
              </Button>
            </Group>
            <Total values={a.countries.map((c) => c.share)} over />
            {err('countries') ? (
              <Text size="sm" c="red">
                {err('countries')}
              </Text>
            ) : null}
          </Stack>
        </Fieldset>
        <TagsInput
          label={t.interests}
          maxTags={10}
          value={a.interests ?? []}
          onChange={(interests) => setA((o) => ({ ...o, interests }))}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {m.influencers.onboarding.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
