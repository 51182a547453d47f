import { type Offer, type OfferStatus, offerStatuses, offerStatusSchema } from '@bextr/contracts';
import { Anchor, Box, Button, Group, Image, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/index.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { OfferStatusBadge } from '../../components/OfferStatusBadge.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useCursorPages } from '../../components/use-cursor-pages.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useUrlFilters } from '../../components/use-url-filters.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { Byline } from '../business/BusinessLink.tsx';
import { OfferFacts } from './OfferFacts.tsx';
import { offerKeys } from './offer-queries.ts';
import { MY_OFFERS_LIST_ID, myOfferHeadingId, WithdrawOffer } from './WithdrawOffer.tsx';

const filterKeys = ['status'] as const;
const ALL = 'all';

function OfferCard({ offer }: { offer: Offer }) {
  const { m } = useI18n();
  const t = m.offers.mine;
  const c = offer.campaign;
  return (
    <Paper withBorder p="md" radius="md" component="li">
      <Stack gap="sm">
        <Group align="flex-start" wrap="nowrap" gap="md">
          {c.coverUrl ? (
            <Image
              src={c.coverUrl}
              alt=""
              w={64}
              h={64}
              radius="sm"
              fit="cover"
              style={{ flex: '0 0 auto' }}
            />
          ) : null}
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
              <Title
                order={2}
                size="h4"
                id={myOfferHeadingId(offer.id)}
                tabIndex={-1}
                style={{ overflowWrap: 'anywhere', minWidth: 0 }}
              >
                <Anchor component={Link} to={`/campaigns/${c.id}`} inherit>
                  {c.name}
                </Anchor>
              </Title>
              <OfferStatusBadge status={offer.status} />
            </Group>
            <Text size="sm" c="dimmed">
              <Byline business={c.business} />
            </Text>
          </Stack>
        </Group>
        <OfferFacts offer={offer} />
        {offer.status === 'rejected' && offer.rejectionReason ? (
          <Paper p="sm" radius="md" bg="var(--mantine-color-gray-light)">
            <Text size="sm" fw={600}>
              {t.rejectionReason}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {offer.rejectionReason}
            </Text>
          </Paper>
        ) : null}
        {offer.status === 'expired' ? (
          <Text size="sm" c="dimmed">
            {t.expiredNote}
          </Text>
        ) : null}
        <Box component="details" className="offer-pitch">
          <Text component="summary" size="sm" fw={500}>
            {t.pitch}
          </Text>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {offer.pitch}
          </Text>
        </Box>
        <Group gap="xs">
          <Button
            component={Link}
            to={`/inbox/${encodeURIComponent(offer.conversationId)}`}
            variant="light"
            size="xs"
            aria-label={m.inbox.messagesLinkNamed(c.name)}
          >
            {m.inbox.messagesLink}
          </Button>
          {offer.abilities.withdraw ? <WithdrawOffer offer={offer} /> : null}
        </Group>
      </Stack>
    </Paper>
  );
}

function OfferList({ status }: { status: OfferStatus | undefined }) {
  const { m } = useI18n();
  const t = m.offers.mine;
  const { query, items } = useCursorPages([...offerKeys.mine(status ?? ALL)], (cursor, signal) =>
    api.offers.mine({ limit: 20, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }, signal),
  );
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (items.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm" align="flex-start">
          <Text>{status ? t.emptyFiltered : t.empty}</Text>
          {status ? (
            <Button component={Link} to="/offers" variant="default">
              {t.showAll}
            </Button>
          ) : (
            <Button component={Link} to="/campaigns">
              {t.findCampaigns}
            </Button>
          )}
        </Stack>
      </Paper>
    );
  }
  return (
    <div>
      <Stack
        gap="md"
        component="ul"
        id={MY_OFFERS_LIST_ID}
        tabIndex={-1}
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {items.map((offer) => (
          <OfferCard key={offer.id} offer={offer} />
        ))}
      </Stack>
      <LoadMore query={query} label={t.loadMore} />
    </div>
  );
}

/** /offers — the influencer's offers with their status, newest first, filtered by status in the URL. */
export function MyOffersPage() {
  const { m } = useI18n();
  const t = m.offers.mine;
  usePageTitle(t.title);
  const { filters } = useUrlFilters(filterKeys);
  const [, setParams] = useSearchParams();
  const parsed = offerStatusSchema.safeParse(filters.status);
  const status = parsed.success ? parsed.data : undefined;
  return (
    <Stack gap={0} maw={960}>
      <PageHeader title={t.title} lead={t.lead} />
      <Stack gap="md">
        <Select
          label={t.status}
          data={[
            { value: ALL, label: t.allStatuses },
            ...offerStatuses.map((s) => ({ value: s, label: m.offerReview.statuses[s] })),
          ]}
          value={status ?? ALL}
          onChange={(value) => setParams(value && value !== ALL ? { status: value } : {})}
          maw={280}
        />
        <OfferList key={status ?? ALL} status={status} />
      </Stack>
    </Stack>
  );
}
