import {
  type Campaign,
  issuesToFieldErrors,
  type Offer,
  offerRefusalSchema,
  PITCH_MAX,
} from '@bextr/contracts';
import { Alert, Button, Checkbox, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { type ApiError, api, isApiError } from '../../../api/index.ts';
import { DateField } from '../../../components/DateField.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { DeliverablesField } from '../../campaign-editor/DeliverablesField.tsx';
import {
  type OfferValues,
  offerFormPath,
  offerSchemaFor,
  offerValuesFrom,
  toOfferBody,
} from './offer-values.ts';

/** Answers of the server that are not about a field but about whether an offer can be sent at all:
 * the page shows what they mean (the existing offer, the closed campaign, what the profile lacks). */
export function isOfferRefusal(error: unknown): error is ApiError {
  if (!isApiError(error)) return false;
  if (
    error.code === 'ALREADY_OFFERED' ||
    error.code === 'CAMPAIGN_NOT_OPEN' ||
    error.code === 'CAMPAIGN_FULL'
  )
    return true;
  return error.status === 422 && offerRefusalSchema.safeParse(error.details).success;
}

/** The offer form: pitch, proposed deliverables, price or barter acceptance, publish date. Checked
 * with the contract's schema before sending; the server's field errors are shown by the fields. */
export function OfferForm({
  campaign,
  invitationId,
  onSent,
  onRefused,
}: {
  campaign: Campaign;
  invitationId: string | null;
  onSent: (offer: Offer) => void;
  onRefused: (error: ApiError) => void;
}) {
  const { m, locale, format } = useI18n();
  const t = m.offers.form;
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [formNotes, setFormNotes] = useState<string[]>([]);
  const form = useForm<OfferValues>({ mode: 'controlled', initialValues: offerValuesFrom(campaign) });
  const comp = campaign.compensation;

  /** Puts each message by its field (the first per field) and moves the focus to the first one. */
  const showFieldErrors = (fields: readonly { path: string; message: string }[]) => {
    const errors: Record<string, string> = {};
    const notes: string[] = [];
    for (const field of fields) {
      const key = offerFormPath(field.path);
      if (key === null) notes.push(field.message);
      else if (!(key in errors)) errors[key] = field.message;
    }
    form.setErrors(errors);
    setFormNotes(notes);
    const first = Object.keys(errors)[0];
    if (first) requestAnimationFrame(() => form.getInputNode(first)?.focus());
  };

  async function submit() {
    setFormError(null);
    setFormNotes([]);
    const body = toOfferBody(form.getValues(), campaign, invitationId);
    const checked = offerSchemaFor(campaign).safeParse(body, { reportInput: true });
    if (!checked.success) {
      setInvalid(true);
      showFieldErrors(issuesToFieldErrors(checked.error.issues, locale));
      return;
    }
    setInvalid(false);
    form.clearErrors();
    setBusy(true);
    try {
      onSent(await api.offers.send(campaign.id, checked.data));
    } catch (error) {
      if (isOfferRefusal(error)) {
        onRefused(error);
        return;
      }
      if (isApiError(error) && error.fields.length > 0) showFieldErrors(error.fields);
      setFormError(error);
    } finally {
      setBusy(false);
    }
  }

  const pitchLength = form.getValues().pitch.length;
  const windowHint =
    campaign.startDate && campaign.endDate
      ? t.publishDateHint(format.date(campaign.startDate), format.date(campaign.endDate))
      : undefined;

  return (
    <Stack gap="md">
      {invalid ? (
        <Alert color="red" variant="light" role="alert">
          {t.fixFields}
        </Alert>
      ) : null}
      <FormAlert error={formError} extra={formNotes} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="lg">
          <div>
            <Textarea
              label={t.pitch}
              description={t.pitchHint}
              autosize
              minRows={5}
              maxRows={16}
              withAsterisk
              key={form.key('pitch')}
              {...form.getInputProps('pitch')}
            />
            <Text
              size="xs"
              ta="right"
              mt={4}
              c={pitchLength > PITCH_MAX ? 'var(--mantine-color-error)' : 'dimmed'}
              fw={pitchLength > PITCH_MAX ? 600 : undefined}
            >
              {t.pitchCount(format.number(pitchLength), format.number(PITCH_MAX))}
            </Text>
          </div>
          <DeliverablesField
            form={form}
            networks={campaign.networks}
            legend={t.deliverables}
            description={t.deliverablesHint}
            emptyText={t.noDeliverables}
          />
          {comp?.type === 'paid' ? (
            <NumberInput
              label={t.price}
              description={t.priceHint(format.money(comp.amount))}
              min={0}
              decimalScale={2}
              thousandSeparator=" "
              withAsterisk
              maw={320}
              key={form.key('price')}
              {...form.getInputProps('price')}
            />
          ) : comp?.type === 'barter' ? (
            <Checkbox
              label={t.barterAccept(comp.description)}
              description={comp.value ? t.barterValue(format.money(comp.value)) : undefined}
              key={form.key('barterAccepted')}
              {...form.getInputProps('barterAccepted', { type: 'checkbox' })}
              aria-invalid={form.errors.barterAccepted ? true : undefined}
            />
          ) : null}
          <DateField
            clearable
            label={t.publishDate}
            description={windowHint}
            min={latest(campaign.startDate, new Date().toISOString().slice(0, 10))}
            max={campaign.endDate ?? undefined}
            maw={360}
            key={form.key('proposedPublishDate')}
            {...form.getInputProps('proposedPublishDate')}
          />
          <Group>
            <Button type="submit" loading={busy}>
              {t.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** The later of two YYYY-MM-DD dates (the first may be missing). */
function latest(date: string | null, other: string): string {
  return date && date > other ? date : other;
}
