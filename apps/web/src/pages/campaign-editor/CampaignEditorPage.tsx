import {
  type Campaign,
  type CampaignDraftBody,
  campaignDraftBodySchema,
  issuesToFieldErrors,
} from '@bextr/contracts';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useSubmitKey } from '../../api/idempotency.ts';
import { api, isApiError } from '../../api/index.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { ImageUpload } from '../../components/ImageUpload.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { UnpublishedNotice } from '../../components/UnpublishedNotice.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useBusinessProfile } from '../business-profile/use-business-profile.ts';
import { CampaignView } from '../campaign/CampaignView.tsx';
import {
  categoryOptions,
  countryOptions,
  languageOptions,
  networkOptions,
  tierOptions,
} from '../campaign/options.ts';
import { campaignKey, useCampaign } from '../campaign/use-campaign.ts';
import { DeliverablesField } from './DeliverablesField.tsx';
import { type EditorValues, formPath, previewOf, toDraftBody, valuesFromCampaign } from './editor-values.ts';
import { publishRefusalOf } from './use-campaign-action.ts';

interface Refusal {
  reasons: string[];
  fields: { path: string; message: string }[];
}

/** The history state of /campaigns/:id/edit after the editor created the campaign on /campaigns/new. */
interface HandOver {
  /** Why publishing was refused, for an editor opened afresh on this entry (e.g. by a reload). */
  refusal?: Refusal | null;
  /** The key of the form that created the campaign: that form stays on screen (see CampaignEditorPage). */
  formKey?: string;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="md">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

function EditorForm({ campaign, formKey }: { campaign: Campaign | null; formKey: string }) {
  const { m, locale } = useI18n();
  const t = m.campaigns.editor;
  const notify = useNotify();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const profile = useBusinessProfile();
  const idRef = useRef<string | null>(campaign?.id ?? null);
  // A new campaign is created once per editor, however often "save" is pressed before it answers.
  const createKey = useSubmitKey();
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [uploading, setUploading] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(
    (location.state as HandOver | null)?.refusal ?? null,
  );
  const form = useForm<EditorValues>({ mode: 'controlled', initialValues: valuesFromCampaign(campaign) });

  const showFieldErrors = (fields: readonly { path: string; message: string }[]) => {
    const values = form.getValues();
    const errors: Record<string, string> = {};
    for (const field of fields) {
      const key = formPath(field.path, values) || '_form';
      if (!(key in errors)) errors[key] = field.message;
    }
    form.setErrors(errors);
  };

  // A refusal in the history state (an editor opened afresh after /campaigns/new, e.g. by a reload)
  // marks its fields once the form exists.
  const handedOver = useRef(refusal);
  useEffect(() => {
    if (handedOver.current) showFieldErrors(handedOver.current.fields);
    handedOver.current = null;
  });

  const status = campaign?.status ?? 'draft';
  const canPublish = campaign ? campaign.abilities.publish : true;
  const readOnly = campaign ? !campaign.abilities.edit : false;

  async function run(publish: boolean) {
    setFormError(null);
    setRefusal(null);
    const body = toDraftBody(form.getValues());
    const checked = campaignDraftBodySchema.safeParse(body, { reportInput: true });
    if (!checked.success) {
      showFieldErrors(issuesToFieldErrors(checked.error.issues, locale));
      return;
    }
    form.clearErrors();
    setBusy(publish ? 'publish' : 'save');
    const created = idRef.current === null;
    let nextRefusal: Refusal | null = null;
    try {
      const draft: CampaignDraftBody = checked.data;
      let saved = idRef.current
        ? await api.campaigns.update(idRef.current, draft)
        : await api.campaigns.create(draft, createKey.key());
      idRef.current = saved.id;
      queryClient.setQueryData(campaignKey(saved.id), saved);
      if (publish) {
        try {
          saved = await api.campaigns.act(saved.id, 'publish');
          queryClient.setQueryData(campaignKey(saved.id), saved);
          notify(t.published);
          void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
          navigate(`/campaigns/${saved.id}`);
          return;
        } catch (error) {
          const details = publishRefusalOf(error);
          if (!details) throw error;
          nextRefusal = { reasons: details.reasons.map((r) => r.message), fields: details.fields };
          setRefusal(nextRefusal);
          showFieldErrors(nextRefusal.fields);
        }
      } else {
        notify(t.saved);
        form.resetDirty();
      }
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      // This same form goes on editing the new campaign (formKey): what was typed while the request
      // or the route change was under way stays, instead of a new form starting from the saved copy.
      if (created) {
        const handOver: HandOver = { refusal: nextRefusal, formKey };
        navigate(`/campaigns/${saved.id}/edit`, { replace: true, state: handOver });
      }
    } catch (error) {
      if (isApiError(error) && error.fields.length > 0) showFieldErrors(error.fields);
      setFormError(error);
    } finally {
      setBusy(null);
    }
  }

  const body = toDraftBody(form.getValues());
  const preview = previewOf(body, {
    ...(campaign ?? {}),
    coverUrl: form.getValues().coverUrl || null,
    business: campaign?.business ?? {
      id: '',
      name: profile.data?.companyName ?? '',
      logoUrl: profile.data?.logoUrl ?? null,
    },
  });
  const compensationType = form.getValues().compensationType;

  return (
    <Stack gap="lg">
      {profile.data && !profile.data.completeness.complete ? (
        <Alert color="yellow" variant="light">
          {m.campaigns.mine.profileMissing}{' '}
          <Anchor component={Link} to="/business-profile">
            {m.campaigns.mine.completeProfile}
          </Anchor>
        </Alert>
      ) : null}
      {campaign ? <UnpublishedNotice campaign={campaign} /> : null}
      {readOnly ? (
        <Alert color="gray" variant="light">
          {t.closedNote}
        </Alert>
      ) : null}
      {refusal ? (
        <Alert color="red" variant="light" role="alert" title={t.cannotPublish}>
          <List size="sm" spacing={2}>
            {refusal.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
          {refusal.fields.length > 0 ? (
            <Text size="sm" mt="xs">
              {t.fixFields}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      <FormAlert error={formError} />
      <Tabs defaultValue="edit" keepMounted>
        <Tabs.List>
          <Tabs.Tab value="edit">{t.edit}</Tabs.Tab>
          <Tabs.Tab value="preview">{t.preview}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="edit" pt="md">
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void run(false);
            }}
          >
            <fieldset disabled={readOnly} className="choice-fieldset">
              <Stack gap="lg">
                <Section title={t.basics}>
                  <TextInput label={t.name} key={form.key('name')} {...form.getInputProps('name')} />
                  <Select
                    label={t.category}
                    data={categoryOptions(m)}
                    searchable
                    clearable
                    key={form.key('category')}
                    {...form.getInputProps('category')}
                  />
                  <Textarea
                    label={t.brief}
                    description={t.briefHint}
                    autosize
                    minRows={4}
                    key={form.key('brief')}
                    {...form.getInputProps('brief')}
                  />
                  <Stack gap={4} role="group" aria-label={t.cover}>
                    <Text size="sm" fw={500}>
                      {t.cover}
                    </Text>
                    <ImageUpload
                      key={form.getValues().coverUrl || 'none'}
                      label={t.coverUpload}
                      preview={form.getValues().coverUrl || null}
                      onUploaded={(image) => form.setValues({ coverUploadId: image.id, coverUrl: image.url })}
                      onBusyChange={setUploading}
                    />
                    {form.getValues().coverUploadId ? (
                      <Group>
                        <Button
                          variant="subtle"
                          size="xs"
                          onClick={() => form.setValues({ coverUploadId: '', coverUrl: '' })}
                        >
                          {t.coverRemove}
                        </Button>
                      </Group>
                    ) : null}
                    {form.errors.coverUploadId ? (
                      <Text size="sm" c="red" role="alert">
                        {form.errors.coverUploadId}
                      </Text>
                    ) : null}
                  </Stack>
                </Section>
                <Section title={t.audience}>
                  <Checkbox.Group label={t.tiers} key={form.key('tiers')} {...form.getInputProps('tiers')}>
                    <Group gap="md" mt={6}>
                      {tierOptions(m).map((o) => (
                        <Checkbox key={o.value} value={o.value} label={o.label} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                  <Checkbox.Group
                    label={t.networks}
                    key={form.key('networks')}
                    {...form.getInputProps('networks')}
                  >
                    <Group gap="md" mt={6}>
                      {networkOptions(m).map((o) => (
                        <Checkbox key={o.value} value={o.value} label={o.label} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                  <DeliverablesField form={form} networks={form.getValues().networks} />
                </Section>
                <Section title={t.compensationTitle}>
                  <Radio.Group
                    label={t.compensationType}
                    key={form.key('compensationType')}
                    {...form.getInputProps('compensationType')}
                  >
                    <Group gap="lg" mt={6}>
                      <Radio
                        value="paid"
                        label={m.campaigns.compensation.paid}
                        description={t.paidDescription}
                      />
                      <Radio
                        value="barter"
                        label={m.campaigns.compensation.barter}
                        description={t.barterDescription}
                      />
                    </Group>
                  </Radio.Group>
                  {compensationType === 'paid' ? (
                    <NumberInput
                      label={t.amount}
                      min={0}
                      decimalScale={2}
                      thousandSeparator=" "
                      maw={260}
                      key={form.key('amount')}
                      {...form.getInputProps('amount')}
                    />
                  ) : (
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <TextInput
                        label={t.barterWhat}
                        key={form.key('barterDescription')}
                        {...form.getInputProps('barterDescription')}
                      />
                      <NumberInput
                        label={t.barterValue}
                        min={0}
                        decimalScale={2}
                        key={form.key('barterValue')}
                        {...form.getInputProps('barterValue')}
                      />
                    </SimpleGrid>
                  )}
                </Section>
                <Section title={t.time}>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <DateField
                      clearable
                      label={t.startDate}
                      key={form.key('startDate')}
                      {...form.getInputProps('startDate')}
                    />
                    <DateField
                      clearable
                      label={t.endDate}
                      key={form.key('endDate')}
                      {...form.getInputProps('endDate')}
                    />
                    <DateField
                      clearable
                      label={t.applicationDeadline}
                      key={form.key('applicationDeadline')}
                      {...form.getInputProps('applicationDeadline')}
                    />
                    <NumberInput
                      label={t.estimatedHours}
                      min={1}
                      allowDecimal={false}
                      key={form.key('estimatedHours')}
                      {...form.getInputProps('estimatedHours')}
                    />
                  </SimpleGrid>
                </Section>
                <Section title={t.targeting}>
                  <MultiSelect
                    label={t.countries}
                    data={countryOptions(locale)}
                    searchable
                    key={form.key('countries')}
                    {...form.getInputProps('countries')}
                  />
                  <Checkbox
                    label={t.remote}
                    key={form.key('remote')}
                    {...form.getInputProps('remote', { type: 'checkbox' })}
                  />
                  <MultiSelect
                    label={t.languages}
                    data={languageOptions(locale)}
                    searchable
                    key={form.key('languages')}
                    {...form.getInputProps('languages')}
                  />
                  <NumberInput
                    label={t.slots}
                    min={1}
                    allowDecimal={false}
                    maw={260}
                    key={form.key('slots')}
                    {...form.getInputProps('slots')}
                  />
                </Section>
                <Group>
                  <Button
                    type="submit"
                    variant={canPublish ? 'default' : 'filled'}
                    loading={busy === 'save'}
                    disabled={busy !== null || uploading}
                  >
                    {status === 'draft' ? t.saveDraft : t.saveChanges}
                  </Button>
                  {canPublish ? (
                    <Button
                      loading={busy === 'publish'}
                      disabled={busy !== null || uploading}
                      onClick={() => void run(true)}
                    >
                      {t.publish}
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </fieldset>
          </form>
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="md">
          <Text c="dimmed" size="sm" mb="md">
            {t.previewNote}
          </Text>
          <Paper withBorder p="lg" radius="md">
            <CampaignView campaign={preview} headingLevel={2} preview />
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** /campaigns/new and /campaigns/:id/edit — the whole campaign, a preview and publishing. */
export function CampaignEditorPage() {
  const { m } = useI18n();
  const { id } = useParams();
  const location = useLocation();
  const query = useCampaign(id);
  const title = id ? m.campaigns.editor.editTitle : m.campaigns.editor.newTitle;
  usePageTitle(title);
  // The form's identity. Every visit of /campaigns/new gets a fresh form; when that form creates the
  // campaign it moves to /campaigns/:id/edit and hands its key over, so React keeps the very same form
  // (the route change renders in a transition, and the user may go on typing meanwhile). Any other
  // campaign's editor starts from the saved campaign.
  const newKey = `new:${location.key}`;
  const handedOverKey = (location.state as HandOver | null)?.formKey;
  return (
    <Stack gap={0} maw={960}>
      <PageHeader title={title} lead={m.campaigns.editor.lead} />
      {!id ? (
        <EditorForm key={newKey} formKey={newKey} campaign={null} />
      ) : query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <EditorForm
          key={handedOverKey ?? query.data.id}
          formKey={handedOverKey ?? query.data.id}
          campaign={query.data}
        />
      )}
    </Stack>
  );
}
