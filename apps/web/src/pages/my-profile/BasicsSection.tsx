import { type InfluencerProfile, influencerProfileBodySchema } from '@bextr/contracts';
import {
  Anchor,
  Button,
  CopyButton,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/index.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { ImageUpload } from '../../components/ImageUpload.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { categoryOptions, countryOptions, languageOptions } from '../campaign/options.ts';
import { useFieldErrors, useProfileMutation } from './use-my-profile.ts';

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The saved profile's public address, to open or copy and share. */
function PublicPageLink({ handle }: { handle: string }) {
  const { m } = useI18n();
  const t = m.influencers.basics;
  const path = `/i/${encodeURIComponent(handle)}`;
  const url = `${window.location.origin}${path}`;
  return (
    <Paper withBorder radius="md" p="sm">
      <Text fw={600} size="sm">
        {t.publicPage}
      </Text>
      <Text size="sm" c="dimmed">
        {t.publicPageNote}
      </Text>
      <Group gap="sm" mt={6} wrap="wrap">
        <Anchor href={path} target="_blank" rel="noopener" style={{ overflowWrap: 'anywhere' }}>
          {url}
        </Anchor>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button variant="default" size="xs" onClick={copy} aria-live="polite">
              {copied ? t.copied : t.copyLink}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Paper>
  );
}

export function BasicsSection({ profile }: { profile: InfluencerProfile }) {
  const { m, locale } = useI18n();
  const t = m.influencers.basics;
  const save = useProfileMutation(api.influencers.save);
  const f = useFieldErrors();
  const [v, setV] = useState({
    displayName: profile.displayName ?? '',
    handle: profile.handle ?? '',
    bio: profile.bio ?? '',
    categories: profile.categories as string[],
    country: profile.country ?? '',
    city: profile.city ?? '',
    languages: profile.languages,
    isPublic: profile.isPublic,
    avatarUploadId: profile.avatar?.id ?? null,
  });
  const [avatarUrl, setAvatarUrl] = useState(profile.avatar?.thumbUrl ?? null);
  const [uploading, setUploading] = useState(false);
  const set =
    <K extends keyof typeof v>(key: K) =>
    (value: (typeof v)[K]) =>
      setV((old) => ({ ...old, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (uploading) return;
    const body = f.check(influencerProfileBodySchema, {
      displayName: orNull(v.displayName),
      handle: orNull(v.handle),
      bio: orNull(v.bio),
      categories: v.categories,
      country: orNull(v.country),
      city: orNull(v.city),
      languages: v.languages,
      isPublic: v.isPublic,
      avatarUploadId: v.avatarUploadId,
    });
    if (body) save.mutate(body, { onError: f.fail });
  };
  return (
    <form noValidate onSubmit={submit} aria-label={m.influencers.onboarding.steps.basics}>
      <Stack gap="md">
        <FormAlert error={f.formError} />
        <ImageUpload
          label={m.influencers.upload.avatar}
          preview={avatarUrl}
          onUploaded={(image) => {
            set('avatarUploadId')(image.id);
            setAvatarUrl(image.thumbUrl);
          }}
          onBusyChange={setUploading}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t.displayName}
            required
            value={v.displayName}
            error={f.errors.displayName}
            onChange={(e) => set('displayName')(e.currentTarget.value)}
          />
          <TextInput
            label={t.handle}
            required
            description={t.handleHint}
            value={v.handle}
            error={f.errors.handle}
            onChange={(e) => set('handle')(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          label={t.bio}
          required
          autosize
          minRows={3}
          value={v.bio}
          error={f.errors.bio}
          onChange={(e) => set('bio')(e.currentTarget.value)}
        />
        <MultiSelect
          label={t.categories}
          required
          data={categoryOptions(m)}
          maxValues={5}
          searchable
          value={v.categories}
          error={f.errors.categories}
          onChange={set('categories')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t.country}
            required
            data={countryOptions(locale)}
            searchable
            value={v.country || null}
            error={f.errors.country}
            onChange={(x) => set('country')(x ?? '')}
          />
          <TextInput
            label={t.city}
            value={v.city}
            error={f.errors.city}
            onChange={(e) => set('city')(e.currentTarget.value)}
          />
        </SimpleGrid>
        <MultiSelect
          label={t.languages}
          required
          data={languageOptions(locale)}
          searchable
          value={v.languages}
          error={f.errors.languages}
          onChange={set('languages')}
        />
        <Switch
          label={t.isPublic}
          description={t.isPublicHint}
          checked={v.isPublic}
          onChange={(e) => set('isPublic')(e.currentTarget.checked)}
        />
        {profile.isPublic && profile.handle ? <PublicPageLink handle={profile.handle} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={uploading}>
            {m.influencers.onboarding.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
