import { type InfluencerProfile, type Insight, insightBodySchema } from '@bextr/contracts';
import { Alert, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useSubmitKey } from '../../api/idempotency.ts';
import { api } from '../../api/index.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import type { UploadedImage } from '../../components/ImageUpload.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ItemCard } from './ItemCard.tsx';
import { EditingNote, ItemActions, ItemFormFooter, useFocusOnEdit } from './ItemForm.tsx';
import { UploadedImagesField } from './UploadedImagesField.tsx';
import { numberOrNull, useFieldErrors, useProfileMutation } from './use-my-profile.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The optional counts an insight reports, each entered the same way. */
const metrics = ['reach', 'impressions', 'engagement'] as const;

export function InsightsSection({ profile }: { profile: InfluencerProfile }) {
  const { m, format } = useI18n();
  const t = m.influencers.insights;
  // One key per new item until it is saved: a double click adds it once.
  const addKey = useSubmitKey();
  const add = useProfileMutation(api.influencers.addInsight);
  const update = useProfileMutation(api.influencers.updateInsight);
  const remove = useProfileMutation(api.influencers.removeInsight);
  const f = useFieldErrors();
  const empty = {
    socialAccountId: profile.socialAccounts[0]?.id ?? '',
    asOf: today(),
    periodDays: 30 as string | number,
    reach: '' as string | number,
    impressions: '' as string | number,
    engagement: '' as string | number,
  };
  const [v, setV] = useState(empty);
  const [shots, setShots] = useState<UploadedImage[]>([]);
  const [uploading, setUploading] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnEdit(editing, formRef);
  const edited = profile.insights.find((i) => i.id === editing) ?? null;
  const nameOf = (i: Insight) => `${m.campaigns.networks[i.network]} ${i.asOf}`;
  const reset = () => {
    setEditing(null);
    setV(empty);
    setShots([]);
    f.clear();
  };
  const startEdit = (i: Insight) => {
    f.clear();
    setEditing(i.id);
    setV({
      socialAccountId: i.socialAccountId,
      asOf: i.asOf,
      periodDays: i.periodDays,
      reach: i.reach ?? '',
      impressions: i.impressions ?? '',
      engagement: i.engagement ?? '',
    });
    setShots(i.screenshots);
  };
  const set = (key: keyof typeof empty) => (value: string | number | null) =>
    setV((old) => ({ ...old, [key]: value ?? '' }));
  if (profile.socialAccounts.length === 0)
    return (
      <Alert color="gray" variant="light">
        {t.needAccount}
      </Alert>
    );
  const accountOptions = profile.socialAccounts.map((a) => ({
    value: a.id,
    label: `${m.campaigns.networks[a.network]} · ${a.handle}`,
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (uploading) return;
    const body = f.check(insightBodySchema, {
      socialAccountId: v.socialAccountId || profile.socialAccounts[0]?.id,
      asOf: v.asOf,
      periodDays: numberOrNull(v.periodDays) ?? undefined,
      reach: numberOrNull(v.reach),
      impressions: numberOrNull(v.impressions),
      engagement: numberOrNull(v.engagement),
      uploadIds: shots.map((s) => s.id),
    });
    if (!body) return;
    if (edited) update.mutate({ id: edited.id, body }, { onError: f.fail, onSuccess: reset });
    else
      add.mutate(
        { body, key: addKey.key() },
        {
          onError: f.fail,
          onSuccess: () => {
            addKey.renew();
            reset();
          },
        },
      );
  };
  return (
    <Stack gap="md">
      {profile.insights.length === 0 ? <Text c="dimmed">{m.influencers.onboarding.none}</Text> : null}
      {profile.insights.map((i) => (
        <ItemCard
          key={i.id}
          thumb={
            i.screenshots[0]
              ? {
                  src: i.screenshots[0].thumbUrl,
                  alt: m.influencers.view.screenshotOf(m.campaigns.networks[i.network]),
                }
              : null
          }
          title={m.campaigns.networks[i.network]}
          detail={
            <>
              {t.summary(i.periodDays, format.date(i.asOf))}
              {i.reach !== null ? ` · ${t.reach}: ${format.number(i.reach)}` : ''}
            </>
          }
          actions={
            <ItemActions
              name={nameOf(i)}
              editing={editing === i.id}
              onEdit={() => startEdit(i)}
              onRemove={() => {
                if (editing === i.id) reset();
                remove.mutate(i.id);
              }}
            />
          }
        />
      ))}
      <form ref={formRef} noValidate onSubmit={submit} aria-label={m.influencers.onboarding.steps.insights}>
        <Stack gap="sm">
          <EditingNote name={edited ? nameOf(edited) : null} />
          <FormAlert error={f.formError} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t.account}
              required
              data={accountOptions}
              value={v.socialAccountId || null}
              error={f.errors.socialAccountId}
              onChange={set('socialAccountId')}
            />
            <DateField label={t.asOf} required value={v.asOf} error={f.errors.asOf} onChange={set('asOf')} />
            <NumberInput
              label={t.periodDays}
              required
              min={1}
              max={365}
              value={v.periodDays}
              error={f.errors.periodDays}
              onChange={set('periodDays')}
            />
            {metrics.map((key) => (
              <NumberInput
                key={key}
                label={t[key]}
                min={0}
                thousandSeparator=" "
                value={v[key]}
                error={f.errors[key]}
                onChange={set(key)}
              />
            ))}
          </SimpleGrid>
          <UploadedImagesField
            images={shots}
            onChange={setShots}
            label={m.influencers.upload.screenshot}
            onBusyChange={setUploading}
          />
          {shots.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t.needScreenshot}
            </Text>
          ) : null}
          <ItemFormFooter
            editingName={edited ? nameOf(edited) : null}
            pending={add.isPending || update.isPending}
            uploading={uploading}
            onCancel={reset}
          />
        </Stack>
      </form>
    </Stack>
  );
}
