import { type BusinessProfile, businessProfileBodySchema } from '@bextr/contracts';
import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { ImageUpload } from '../../components/ImageUpload.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { categoryOptions, countryOptions } from '../campaign/options.ts';
import { useBusinessProfile, useSaveBusinessProfile } from './use-business-profile.ts';

const blankToNull = (value: string) => (value.trim() === '' ? null : value);

function ProfileForm({ profile }: { profile: BusinessProfile }) {
  const { m, locale } = useI18n();
  const t = m.campaigns.profile;
  const notify = useNotify();
  const save = useSaveBusinessProfile();
  const [logo, setLogo] = useState({ id: profile.logoUploadId, url: profile.logoUrl });
  const [uploading, setUploading] = useState(false);
  const initialValues = {
    companyName: profile.companyName ?? '',
    industry: profile.industry ?? '',
    description: profile.description ?? '',
    country: profile.country ?? '',
    city: profile.city ?? '',
    website: profile.website ?? '',
  };
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: businessProfileBodySchema,
    initialValues,
    toBody: (v: typeof initialValues) => ({
      companyName: blankToNull(v.companyName),
      industry: blankToNull(v.industry),
      description: blankToNull(v.description),
      country: blankToNull(v.country),
      city: blankToNull(v.city),
      website: blankToNull(v.website),
      logoUploadId: logo.id,
    }),
  });
  const submit = handleSubmit((body) =>
    save.mutate(body, { onSuccess: () => notify(t.saved), onError: fail }),
  );
  const current = save.data ?? profile;
  const labels: Record<string, string> = {
    companyName: t.companyName,
    industry: t.industry,
    description: t.description,
    country: t.country,
  };
  return (
    <Stack gap="lg" maw={720}>
      {current.completeness.complete ? (
        <Alert color="teal" variant="light">
          {t.complete}
        </Alert>
      ) : (
        <Alert color="yellow" variant="light">
          {t.missing(current.completeness.missing.map((f) => labels[f] ?? f).join(', '))}
        </Alert>
      )}
      <Paper withBorder p="lg" radius="md">
        <form noValidate onSubmit={submit}>
          <Stack gap="md">
            <FormAlert error={formError} extra={formNotes} />
            <TextInput
              label={t.companyName}
              autoComplete="organization"
              key={form.key('companyName')}
              {...form.getInputProps('companyName')}
            />
            <Select
              label={t.industry}
              data={categoryOptions(m)}
              searchable
              clearable
              key={form.key('industry')}
              {...form.getInputProps('industry')}
            />
            <Textarea
              label={t.description}
              autosize
              minRows={3}
              key={form.key('description')}
              {...form.getInputProps('description')}
            />
            <Group grow align="flex-start" wrap="wrap">
              <Select
                label={t.country}
                data={countryOptions(locale)}
                searchable
                clearable
                key={form.key('country')}
                {...form.getInputProps('country')}
              />
              <TextInput
                label={t.city}
                autoComplete="address-level2"
                key={form.key('city')}
                {...form.getInputProps('city')}
              />
            </Group>
            <TextInput
              label={t.website}
              description={t.websiteHint}
              type="url"
              key={form.key('website')}
              {...form.getInputProps('website')}
            />
            <Stack gap={4} role="group" aria-label={t.logo}>
              <Text size="sm" fw={500}>
                {t.logo}
              </Text>
              <ImageUpload
                key={logo.url ?? 'none'}
                label={t.logoUpload}
                preview={logo.url}
                onUploaded={(image) => setLogo({ id: image.id, url: image.url })}
                onBusyChange={setUploading}
              />
              {logo.id ? (
                <Group>
                  <Button variant="subtle" size="xs" onClick={() => setLogo({ id: null, url: null })}>
                    {t.logoRemove}
                  </Button>
                </Group>
              ) : null}
            </Stack>
            <Group>
              <Button type="submit" loading={save.isPending} disabled={uploading}>
                {t.save}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

/** /business-profile — the business fills in what influencers see about it. */
export function BusinessProfilePage() {
  const { m } = useI18n();
  usePageTitle(m.campaigns.profile.title);
  const query = useBusinessProfile();
  return (
    <>
      <PageHeader title={m.campaigns.profile.title} lead={m.campaigns.profile.lead} />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ProfileForm profile={query.data} />
      )}
    </>
  );
}
