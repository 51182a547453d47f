import { CANCEL_REASON_MAX, type Collaboration } from '@bextr/contracts';
import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/index.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useCollaborationAction } from './use-collaboration.ts';

/** A cancel request waiting for an answer, as a banner near the top: the other side's (with the
 * consent) or the viewer's own (with the way to take it back). */
export function CancelRequestBanner({ collaboration: c }: { collaboration: Collaboration }) {
  const { m } = useI18n();
  const t = m.collaborations.cancel;
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const consent = useCollaborationAction(c.id, () => api.collaborations.cancel(c.id, {}));
  const takeBack = useCollaborationAction(c.id, () => api.collaborations.withdrawCancel(c.id));
  const request = c.cancelRequest;
  if (!request || c.status === 'cancelled') return null;
  const mine = request.by === c.mySide;
  const other = request.by === 'business' ? c.business.name : c.influencer.name;
  return (
    <Alert color="orange" variant="light" title={mine ? t.byYou : t.byOther(other)}>
      <Stack gap="sm">
        {request.reason ? <Text size="sm">{t.reasonWas(request.reason)}</Text> : null}
        {c.abilities.consentCancel ? (
          confirming ? (
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t.consentConfirm}
              </Text>
              <Group gap="sm">
                <Button
                  color="red"
                  loading={consent.isPending}
                  onClick={() => consent.mutate(undefined, { onSuccess: () => notify(t.cancelled) })}
                >
                  {t.consent}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
                  {t.keep}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Group>
              <Button color="red" variant="light" onClick={() => setConfirming(true)}>
                {t.consent}
              </Button>
            </Group>
          )
        ) : null}
        {c.abilities.withdrawCancel ? (
          <Group>
            <Button
              variant="default"
              loading={takeBack.isPending}
              onClick={() => takeBack.mutate(undefined, { onSuccess: () => notify(t.withdrawn) })}
            >
              {t.withdraw}
            </Button>
          </Group>
        ) : null}
        <FormAlert error={consent.error ?? takeBack.error} />
      </Stack>
    </Alert>
  );
}

/** The way to ask for a cancel (while nobody has asked): a reason, then the request. */
export function CancelSection({ collaboration: c }: { collaboration: Collaboration }) {
  const { m } = useI18n();
  const t = m.collaborations.cancel;
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const ask = useCollaborationAction(c.id, (text: string) =>
    api.collaborations.cancel(c.id, text.trim() ? { reason: text } : {}),
  );
  if (!c.abilities.requestCancel) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate(reason, {
      onSuccess: () => {
        notify(t.sent);
        setOpen(false);
        setReason('');
      },
    });
  };
  return (
    <Paper component="section" withBorder p="lg" radius="md" aria-labelledby="cancel-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="cancel-title">
          {t.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t.lead}
        </Text>
        {open ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Textarea
                label={t.reason}
                autosize
                minRows={2}
                maxLength={CANCEL_REASON_MAX}
                value={reason}
                data-autofocus
                onChange={(e) => setReason(e.currentTarget.value)}
              />
              <Group gap="sm">
                <Button type="submit" color="red" loading={ask.isPending}>
                  {t.send}
                </Button>
                <Button variant="subtle" onClick={() => setOpen(false)}>
                  {t.keep}
                </Button>
              </Group>
              <FormAlert error={ask.error} />
            </Stack>
          </form>
        ) : (
          <Group>
            <Button variant="default" color="red" onClick={() => setOpen(true)}>
              {t.request}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
