import type { Offer } from '@bextr/contracts';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/index.ts';
import { useNotify } from '../../components/use-notify.ts';
import { useErrorMessage } from '../../errors/use-error-message.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { offerKeys } from './offer-queries.ts';

export const MY_OFFERS_LIST_ID = 'my-offers-list';
export const myOfferHeadingId = (id: string) => `my-offer-${id}`;

/** The Withdraw button of a pending or shortlisted offer, with a confirmation. When the offer changed
 * meanwhile (409: decided, expired), the lists are refreshed and the user is told its new status. */
export function WithdrawOffer({ offer }: { offer: Offer }) {
  const { m } = useI18n();
  const t = m.offers.mine;
  const notify = useNotify();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const name = offer.campaign.name;
  const withdraw = useMutation({
    mutationFn: () => api.offers.withdraw(offer.id),
    onSuccess: () => {
      close();
      notify(t.withdrawn);
    },
    onError: async (error) => {
      close();
      if (isApiError(error) && error.status === 409) {
        const fresh = await api.offers.get(offer.id).catch(() => null);
        notify(fresh ? t.changed(m.offerReview.statuses[fresh.status]) : describe(error), 'error');
      } else notify(describe(error), 'error');
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: offerKeys.all });
      // The Withdraw button is gone now (or the whole card, under a status filter): keep the keyboard
      // focus on the offer's heading, else on the list, instead of losing it to the page.
      (
        document.getElementById(myOfferHeadingId(offer.id)) ?? document.getElementById(MY_OFFERS_LIST_ID)
      )?.focus();
    },
  });
  return (
    <>
      <Button variant="default" size="xs" onClick={open} aria-label={t.withdrawNamed(name)}>
        {t.withdraw}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t.confirmTitle}
        closeButtonProps={{ 'aria-label': m.common.close }}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t.confirmText(name)}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              {t.keep}
            </Button>
            <Button color="red.9" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
              {t.confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
