import type { Conversation, Offer, Role } from '@bextr/contracts';
import { Anchor, Group, Paper, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/index.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { OfferStatusBadge } from '../../components/OfferStatusBadge.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ThreadCollaboration } from '../collaboration/ThreadCollaboration.tsx';
import { ProposalFacts } from '../offers/OfferFacts.tsx';

/** One offer (either side may read it); under `['offers']`, so live offer events refresh it. */
export function useOffer(offerId: string) {
  return useQuery({
    queryKey: ['offers', 'one', offerId],
    queryFn: ({ signal }) => api.offers.get(offerId, signal),
  });
}

const TITLE_ID = 'thread-offer-title';

function OfferSummary({ offer, role }: { offer: Offer; role: Role }) {
  const { m } = useI18n();
  const t = m.inbox.offer;
  return (
    <>
      <Stack component="dl" gap="xs" m={0}>
        <ProposalFacts offer={offer} labels={t} compact />
      </Stack>
      {role === 'business' ? (
        <Anchor component={Link} to={`/campaigns/${encodeURIComponent(offer.campaign.id)}/offers`} size="sm">
          {t.review}
        </Anchor>
      ) : (
        <Anchor component={Link} to="/offers" size="sm">
          {t.myOffers}
        </Anchor>
      )}
    </>
  );
}

/** The offer the thread belongs to: its status, what it proposes, and where to act on it. */
export function OfferPanel({ conversation, role }: { conversation: Conversation; role: Role }) {
  const { m } = useI18n();
  const t = m.inbox.offer;
  const offer = useOffer(conversation.offerId);
  return (
    <Paper withBorder p="md" radius="md" component="aside" aria-labelledby={TITLE_ID}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={2} size="h4" id={TITLE_ID}>
            {t.title}
          </Title>
          <OfferStatusBadge status={offer.data?.status ?? conversation.offerStatus} />
        </Group>
        {offer.isPending ? (
          <PageLoader />
        ) : offer.isError && !offer.data ? (
          <ErrorState error={offer.error} onRetry={() => void offer.refetch()} />
        ) : (
          <OfferSummary offer={offer.data} role={role} />
        )}
        <ThreadCollaboration
          conversationId={conversation.id}
          offerStatus={offer.data?.status ?? conversation.offerStatus}
        />
      </Stack>
    </Paper>
  );
}
