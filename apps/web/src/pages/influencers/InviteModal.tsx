import {
  INVITATION_MESSAGE_MAX,
  invitationBodySchema,
  issuesToFieldErrors,
  type MyCampaign,
} from '@bextr/contracts';
import {
  Alert,
  Button,
  type ButtonProps,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, isApiError } from '../../api/index.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useErrorMessage } from '../../errors/use-error-message.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

/** The business's campaigns that can take an invitation now: published, open (deadline ahead, a
 * slot free). One page of 100 is plenty for a picker. */
function useOpenCampaigns() {
  return useQuery({
    queryKey: ['campaigns', 'mine', 'open-for-invitations'],
    queryFn: ({ signal }) => api.campaigns.mine({ limit: 100 }, signal),
    select: (page) => page.items.filter((c) => c.status === 'published' && c.isOpen),
  });
}

function InviteForm({
  handle,
  name,
  campaigns,
  onDone,
  onCancel,
}: {
  handle: string;
  name: string;
  campaigns: MyCampaign[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const { m, locale } = useI18n();
  const t = m.offerReview.invite;
  const notify = useNotify();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const first = campaigns[0];
  const campaignName = (c: MyCampaign | undefined) => c?.name || m.campaigns.view.untitled;
  const [campaignId, setCampaignId] = useState(first?.id ?? '');
  // After a 409 the list is refreshed and may no longer hold the chosen campaign: what is shown and
  // what is sent is then the first campaign still open, never the dropped one.
  const selectedId = campaigns.some((c) => c.id === campaignId) ? campaignId : (first?.id ?? '');
  const [message, setMessage] = useState(() => t.defaultMessage(name, campaignName(first)));
  // The prefilled sentence follows the chosen campaign until the user writes their own.
  const [edited, setEdited] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  // The form appears after the campaigns load, later than the modal's own autofocus: start here.
  const campaignRef = useRef<HTMLSelectElement>(null);
  useEffect(() => campaignRef.current?.focus(), []);
  const invite = useMutation({
    mutationFn: (body: { campaignId: string; message: string }) => api.offers.invite(handle, body),
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: ['campaigns', 'mine'] });
      }
    },
  });

  const chooseCampaign = (id: string) => {
    setCampaignId(id);
    invite.reset();
    if (!edited) setMessage(t.defaultMessage(name, campaignName(campaigns.find((c) => c.id === id))));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = invitationBodySchema.safeParse({ campaignId: selectedId, message });
    if (!parsed.success) {
      const errors = issuesToFieldErrors(parsed.error.issues, locale);
      setFieldError(errors.find((e) => e.path === 'message')?.message ?? errors[0]?.message ?? null);
      return;
    }
    setFieldError(null);
    invite.mutate(parsed.data, {
      onSuccess: () => {
        notify(t.sent(name));
        onDone();
      },
      onError: (error) => {
        const serverField = isApiError(error) ? error.fields.find((f) => f.path === 'message') : undefined;
        if (serverField) setFieldError(serverField.message);
      },
    });
  };

  const explain = (error: unknown) => {
    if (isApiError(error)) {
      if (error.code === 'ALREADY_INVITED') return t.alreadyInvited(name);
      if (error.code === 'INFLUENCER_ALREADY_OFFERED') return t.alreadyOffered(name);
      if (error.code === 'CAMPAIGN_NOT_OPEN') return t.notOpen;
      if (error.code === 'CAMPAIGN_FULL') return t.full;
    }
    return describe(error);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t.lead}
        </Text>
        <NativeSelect
          label={t.campaign}
          description={t.campaignHint}
          ref={campaignRef}
          value={selectedId}
          onChange={(e) => chooseCampaign(e.currentTarget.value)}
          data={campaigns.map((c) => ({ value: c.id, label: campaignName(c) }))}
        />
        <Stack gap={4}>
          <Textarea
            label={t.message}
            description={t.messageHint}
            required
            value={message}
            onChange={(e) => {
              setMessage(e.currentTarget.value);
              setEdited(true);
              setFieldError(null);
            }}
            maxLength={INVITATION_MESSAGE_MAX}
            autosize
            minRows={4}
            maxRows={10}
            error={fieldError}
          />
          <Text size="xs" c="dimmed" ta="right">
            {m.offerReview.counter(message.length, INVITATION_MESSAGE_MAX)}
          </Text>
        </Stack>
        {invite.isError && !fieldError ? (
          <Alert variant="light" color="red" role="alert">
            {explain(invite.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t.cancel}
          </Button>
          <Button type="submit" loading={invite.isPending}>
            {t.send}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The modal's content; it mounts each time the modal opens, so every invitation starts fresh. */
function InviteContent({ handle, name, onClose }: { handle: string; name: string; onClose: () => void }) {
  const { m } = useI18n();
  const t = m.offerReview.invite;
  const campaigns = useOpenCampaigns();
  return campaigns.isPending ? (
    <PageLoader />
  ) : campaigns.isError ? (
    <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />
  ) : campaigns.data.length === 0 ? (
    <Stack gap="md">
      <Text>{t.noOpen}</Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t.cancel}
        </Button>
        <Button component={Link} to="/campaigns/new">
          {t.create}
        </Button>
      </Group>
    </Stack>
  ) : (
    <InviteForm handle={handle} name={name} campaigns={campaigns.data} onDone={onClose} onCancel={onClose} />
  );
}

/** "Invite to a campaign" and its modal, for a business looking at an influencer. `named` adds the
 * influencer's name to the button's accessible name, for lists with many such buttons. */
export function InviteButton({
  handle,
  name,
  named = false,
  ...buttonProps
}: { handle: string; name: string; named?: boolean } & Omit<ButtonProps, 'children'>) {
  const { m } = useI18n();
  const t = m.offerReview.invite;
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        {...buttonProps}
        onClick={() => setOpened(true)}
        aria-haspopup="dialog"
        aria-label={named ? t.buttonFor(name) : undefined}
      >
        {t.button}
      </Button>
      {/* Always mounted (its content only while open), so closing returns the focus here. */}
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t.title(name)}
        closeButtonProps={{ 'aria-label': m.common.close }}
      >
        <InviteContent handle={handle} name={name} onClose={() => setOpened(false)} />
      </Modal>
    </>
  );
}
