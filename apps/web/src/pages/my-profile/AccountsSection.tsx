import { type InfluencerProfile, type SocialAccount, socialAccountBodySchema } from '@bextr/contracts';
import { Badge, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../api/index.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { networkOptions } from '../campaign/options.ts';
import { EditingNote, ItemActions, ItemFormFooter, useFocusOnEdit } from './ItemForm.tsx';
import { numberOrNull, useFieldErrors, useProfileMutation } from './use-my-profile.ts';

const empty = {
  network: '',
  handle: '',
  url: '',
  followers: '' as string | number,
  engagementRate: '' as string | number,
  avgViews: '' as string | number,
};

const valuesOf = (a: SocialAccount): typeof empty => ({
  network: a.network,
  handle: a.handle,
  url: a.url,
  followers: a.followers,
  engagementRate: a.engagementRate,
  avgViews: a.avgViews ?? '',
});

export function AccountsSection({ profile }: { profile: InfluencerProfile }) {
  const { m, format } = useI18n();
  const t = m.influencers.accounts;
  const add = useProfileMutation(api.influencers.addAccount);
  const update = useProfileMutation(api.influencers.updateAccount);
  const remove = useProfileMutation(api.influencers.removeAccount);
  const f = useFieldErrors();
  const [v, setV] = useState(empty);
  const [editing, setEditing] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnEdit(editing, formRef);
  const nameOf = (a: SocialAccount) => `${m.campaigns.networks[a.network]} ${a.handle}`;
  const edited = profile.socialAccounts.find((a) => a.id === editing) ?? null;
  const reset = () => {
    setEditing(null);
    setV(empty);
    f.clear();
  };
  const set = (key: keyof typeof empty) => (value: string | number | null) =>
    setV((old) => ({ ...old, [key]: value ?? '' }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = f.check(socialAccountBodySchema, {
      network: v.network || undefined,
      handle: v.handle,
      url: v.url,
      followers: numberOrNull(v.followers) ?? undefined,
      engagementRate: numberOrNull(v.engagementRate) ?? undefined,
      avgViews: numberOrNull(v.avgViews),
    });
    if (!body) return;
    if (edited) update.mutate({ id: edited.id, body }, { onError: f.fail, onSuccess: reset });
    else add.mutate(body, { onError: f.fail, onSuccess: reset });
  };
  return (
    <Stack gap="md">
      {profile.socialAccounts.length === 0 ? <Text c="dimmed">{m.influencers.onboarding.none}</Text> : null}
      {profile.socialAccounts.map((a) => (
        <Paper key={a.id} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2}>
              <Text fw={600}>
                {m.campaigns.networks[a.network]} · {a.handle}
              </Text>
              <Text size="sm" c="dimmed">
                {m.influencers.directory.followers(format.number(a.followers))} ·{' '}
                {m.influencers.directory.engagement(format.number(a.engagementRate))}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <Badge variant="light">{m.campaigns.tiers[a.tier]}</Badge>
              <ItemActions
                name={nameOf(a)}
                editing={editing === a.id}
                onEdit={() => {
                  f.clear();
                  setEditing(a.id);
                  setV(valuesOf(a));
                }}
                onRemove={() => {
                  if (editing === a.id) reset();
                  remove.mutate(a.id);
                }}
              />
            </Group>
          </Group>
        </Paper>
      ))}
      <form ref={formRef} noValidate onSubmit={submit} aria-label={m.influencers.onboarding.steps.accounts}>
        <Stack gap="sm">
          <EditingNote name={edited ? nameOf(edited) : null} />
          <FormAlert error={f.formError} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t.network}
              required
              data={networkOptions(m)}
              value={v.network || null}
              error={f.errors.network}
              onChange={set('network')}
            />
            <TextInput
              label={t.handle}
              required
              value={v.handle}
              error={f.errors.handle}
              onChange={(e) => set('handle')(e.currentTarget.value)}
            />
            <TextInput
              label={t.url}
              required
              type="url"
              placeholder="https://"
              value={v.url}
              error={f.errors.url}
              onChange={(e) => set('url')(e.currentTarget.value)}
            />
            <NumberInput
              label={t.followers}
              required
              min={0}
              thousandSeparator=" "
              value={v.followers}
              error={f.errors.followers}
              onChange={set('followers')}
            />
            <NumberInput
              label={t.engagementRate}
              required
              min={0}
              max={100}
              decimalScale={2}
              value={v.engagementRate}
              error={f.errors.engagementRate}
              onChange={set('engagementRate')}
            />
            <NumberInput
              label={t.avgViews}
              min={0}
              thousandSeparator=" "
              value={v.avgViews}
              error={f.errors.avgViews}
              onChange={set('avgViews')}
            />
          </SimpleGrid>
          <ItemFormFooter
            editingName={edited ? nameOf(edited) : null}
            pending={add.isPending || update.isPending}
            uploading={false}
            onCancel={reset}
          />
        </Stack>
      </form>
    </Stack>
  );
}
