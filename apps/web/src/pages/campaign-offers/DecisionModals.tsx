import { type Offer, REJECTION_REASON_MAX } from '@bextr/contracts';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNotify } from '../../components/use-notify.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { OFFER_LIST_ID, offerHeadingId } from './OfferCard.tsx';
import { isStale, useDecisionError, useOfferDecision } from './use-campaign-offers.ts';

/** After a decision the card's buttons change: the focus goes to the card's heading instead of
 * back to a button that no longer exists (later than the modal's own focus return). */
function focusCard(offerId: string) {
  // The card may have left a filtered list (e.g. "pending" after an accept): then the list itself.
  (document.getElementById(offerHeadingId(offerId)) ?? document.getElementById(OFFER_LIST_ID))?.focus();
}

interface FormProps {
  campaignId: string;
  offer: Offer;
  onClose: () => void;
}

/** The buttons at the foot of a decision modal. After a stale-state failure only "Close" is left:
 * the offer on screen has been refreshed and may no longer allow the decision. */
function Footer({
  failed,
  pending,
  confirm,
  confirmColor,
  onClose,
}: {
  failed: boolean;
  pending: boolean;
  confirm: string;
  confirmColor?: string;
  onClose: () => void;
}) {
  const { m } = useI18n();
  const t = m.offerReview.decide;
  return (
    <Group justify="flex-end" gap="sm" mt="md">
      {/* The safe choice has the focus when the modal opens (unless a field earlier claims it). */}
      <Button variant="default" onClick={onClose} data-autofocus>
        {failed ? t.close : t.cancel}
      </Button>
      {failed ? null : (
        <Button type="submit" loading={pending} color={confirmColor}>
          {confirm}
        </Button>
      )}
    </Group>
  );
}

/** "Accept the offer?" — says what it does to the campaign's slots before it happens. */
function AcceptForm({
  campaignId,
  offer,
  onClose,
  slots,
  slotsFilled,
}: FormProps & { slots: number | null; slotsFilled: number }) {
  const { m } = useI18n();
  const t = m.offerReview.decide;
  const notify = useNotify();
  const decide = useOfferDecision(campaignId);
  const explain = useDecisionError();
  const name = offer.influencer.displayName;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate(
      { offerId: offer.id, decision: { action: 'accept' } },
      {
        onSuccess: () => {
          notify(t.accepted(name));
          onClose();
          window.setTimeout(() => focusCard(offer.id), 60);
        },
      },
    );
  };
  // Once the decision failed as stale, the refreshed slot numbers no longer describe this accept.
  const stale = isStale(decide.error);
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {stale ? null : slots ? (
          <Text>{t.acceptSlots(slotsFilled, slots)}</Text>
        ) : (
          <Text>{t.acceptNoSlots}</Text>
        )}
        {!stale && slots && slotsFilled + 1 >= slots ? (
          <Alert variant="light" color="yellow">
            {t.acceptLastSlot}
          </Alert>
        ) : null}
        {decide.isError ? (
          <Alert variant="light" color="red" role="alert">
            {explain(decide.error)}
          </Alert>
        ) : null}
      </Stack>
      <Footer failed={stale} pending={decide.isPending} confirm={t.acceptConfirm} onClose={onClose} />
    </form>
  );
}

/** "Reject the offer?" — with an optional reason the influencer will read. */
function RejectForm({ campaignId, offer, onClose }: FormProps) {
  const { m } = useI18n();
  const t = m.offerReview.decide;
  const notify = useNotify();
  const decide = useOfferDecision(campaignId);
  const explain = useDecisionError();
  const [reason, setReason] = useState('');
  const name = offer.influencer.displayName;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    decide.mutate(
      { offerId: offer.id, decision: { action: 'reject', ...(trimmed ? { reason: trimmed } : {}) } },
      {
        onSuccess: () => {
          notify(t.rejected(name));
          onClose();
          window.setTimeout(() => focusCard(offer.id), 60);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap={4}>
        <Textarea
          label={t.reason}
          description={t.reasonHint}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={REJECTION_REASON_MAX}
          autosize
          minRows={3}
          maxRows={8}
          data-autofocus
          disabled={isStale(decide.error)}
        />
        <Text size="xs" c="dimmed" ta="right">
          {m.offerReview.counter(reason.length, REJECTION_REASON_MAX)}
        </Text>
        {decide.isError ? (
          <Alert variant="light" color="red" role="alert" mt="xs">
            {explain(decide.error)}
          </Alert>
        ) : null}
      </Stack>
      <Footer
        failed={isStale(decide.error)}
        pending={decide.isPending}
        confirm={t.rejectConfirm}
        // red.9 in both schemes: white on the dark scheme's red (red.7) is below AA.
        confirmColor="red.9"
        onClose={onClose}
      />
    </form>
  );
}

export type Deciding = { kind: 'accept' | 'reject'; offer: Offer };

/** The accept or reject dialog. It stays mounted so that closing returns the focus to the button
 * that opened it; its form mounts afresh each time it opens. */
export function DecisionModal({
  campaign,
  deciding,
  opened,
  onClose,
}: {
  campaign: { id: string; slots: number | null; slotsFilled: number };
  deciding: Deciding | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { m } = useI18n();
  const t = m.offerReview.decide;
  const name = deciding?.offer.influencer.displayName ?? '';
  // The modal gives the focus back to the button that opened it; when that button is gone (the
  // refreshed offer no longer allows it), the card's heading takes it instead of the page body.
  const close = () => {
    onClose();
    const offerId = deciding?.offer.id;
    window.setTimeout(() => {
      const active = document.activeElement;
      if (offerId && (!active || active === document.body)) focusCard(offerId);
    }, 60);
  };
  return (
    <Modal
      opened={opened && deciding !== null}
      onClose={close}
      title={deciding?.kind === 'reject' ? t.rejectTitle(name) : t.acceptTitle(name)}
      closeButtonProps={{ 'aria-label': m.common.close }}
      centered
    >
      {deciding?.kind === 'accept' ? (
        <AcceptForm
          campaignId={campaign.id}
          offer={deciding.offer}
          onClose={close}
          slots={campaign.slots}
          slotsFilled={campaign.slotsFilled}
        />
      ) : deciding?.kind === 'reject' ? (
        <RejectForm campaignId={campaign.id} offer={deciding.offer} onClose={close} />
      ) : null}
    </Modal>
  );
}
