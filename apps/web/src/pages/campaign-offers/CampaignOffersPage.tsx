import {
  type Campaign,
  type CampaignOffersQuery,
  campaignOffersQuerySchema,
  type Offer,
  offerSorts,
  offerStatuses,
} from '@bextr/contracts';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Group,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/index.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { type UrlFilters, useUrlFilters } from '../../components/use-url-filters.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { statusColor } from '../campaign/options.ts';
import { useCampaign } from '../campaign/use-campaign.ts';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import { type Deciding, DecisionModal } from './DecisionModals.tsx';
import { OFFER_LIST_ID, OfferCard } from './OfferCard.tsx';
import { useCampaignOffers, useDecisionError, useOfferDecision } from './use-campaign-offers.ts';

const filterKeys = ['status', 'sort'] as const;
type Filters = UrlFilters<(typeof filterKeys)[number]>;

/** The URL's filters as an API query; what does not validate is left out. */
function queryFrom(filters: Filters): Partial<CampaignOffersQuery> {
  const status = campaignOffersQuerySchema.shape.status.safeParse(filters.status || undefined);
  const sort = campaignOffersQuerySchema.shape.sort.safeParse(filters.sort || undefined);
  return {
    ...(status.success && status.data ? { status: status.data } : {}),
    ...(sort.success && sort.data ? { sort: sort.data } : {}),
  };
}

/** Slots filled out of the total, kept in view while the list scrolls. */
function SlotsBar({ campaign }: { campaign: Campaign }) {
  const { m, format } = useI18n();
  const t = m.offerReview.page;
  const { slots, slotsFilled } = campaign;
  return (
    // A band of page background under the header, so the cards scroll away beneath it.
    <Box
      py={6}
      my={-6}
      style={{
        position: 'sticky',
        top: 'var(--app-shell-header-offset, 60px)',
        zIndex: 2,
        background: 'var(--mantine-color-body)',
      }}
    >
      <Paper withBorder radius="md" px="md" py="xs">
        {slots ? (
          <Group gap="md" wrap="nowrap">
            <Text fw={600} size="sm" style={{ flexShrink: 0 }}>
              {t.slotsFilled(slotsFilled, slots)}
            </Text>
            <Progress
              value={Math.min(100, (slotsFilled / slots) * 100)}
              aria-label={t.slotsFilled(slotsFilled, slots)}
              size="lg"
              style={{ flex: 1 }}
              color={slotsFilled >= slots ? 'teal' : undefined}
            />
            <Text size="sm" c="dimmed" visibleFrom="xs" style={{ flexShrink: 0 }}>
              {format.number(Math.round((slotsFilled / slots) * 100))} %
            </Text>
          </Group>
        ) : (
          <Text size="sm">{t.slotsNotSet}</Text>
        )}
      </Paper>
    </Box>
  );
}

/** Why the campaign takes no new offers, when it does not. */
function IntakeNote({ campaign }: { campaign: Campaign }) {
  const { m } = useI18n();
  const t = m.offerReview.page;
  const closed = campaign.status === 'closed';
  // Closing expires the open offers, so a closed campaign never says "pending offers stay here".
  const full = !closed && campaign.slots !== null && campaign.slotsFilled >= campaign.slots;
  const note = closed
    ? t.closed
    : full
      ? t.full
      : campaign.status === 'paused'
        ? t.paused
        : campaign.status === 'published' && !campaign.isOpen
          ? t.deadlinePassed
          : null;
  if (!note) return null;
  return (
    <Alert variant="light" color={full ? 'teal' : 'blue'}>
      {note}
    </Alert>
  );
}

function Filters({ filters }: { filters: Filters }) {
  const { m } = useI18n();
  const t = m.offerReview.page;
  const [, setParams] = useSearchParams();
  const set = (key: keyof Filters) => (value: string) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" maw={560} role="group" aria-label={t.filters}>
      <NativeSelect
        label={t.status}
        value={filters.status}
        onChange={(e) => set('status')(e.currentTarget.value)}
        data={[
          { value: '', label: t.allStatuses },
          ...offerStatuses.map((s) => ({ value: s, label: m.offerReview.statuses[s] })),
        ]}
      />
      <NativeSelect
        label={t.sort}
        value={filters.sort || 'newest'}
        onChange={(e) => set('sort')(e.currentTarget.value === 'newest' ? '' : e.currentTarget.value)}
        data={offerSorts.map((s) => ({ value: s, label: t.sorts[s] }))}
      />
    </SimpleGrid>
  );
}

function OfferList({ campaign, filters }: { campaign: Campaign; filters: Filters }) {
  const { m } = useI18n();
  const t = m.offerReview.page;
  const notify = useNotify();
  const explain = useDecisionError();
  const query = queryFrom(filters);
  const { query: results, items } = useCampaignOffers(campaign.id, query);
  const shortlist = useOfferDecision(campaign.id);
  // The last offer decided on stays set while the modal closes, so its content does not vanish
  // mid-transition.
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const [modalOpen, setModalOpen] = useState(false);
  const decide = (next: Deciding) => {
    setDeciding(next);
    setModalOpen(true);
  };

  // One live region that outlives the loader, so a filter or sort change is announced when it lands.
  const announcement = (
    <VisuallyHidden aria-live="polite">{results.isSuccess ? t.shown(items.length) : ''}</VisuallyHidden>
  );
  if (results.isPending)
    return (
      <>
        {announcement}
        <PageLoader />
      </>
    );
  if (results.isError)
    return (
      <>
        {announcement}
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      </>
    );
  const onShortlist = (offer: Offer) =>
    shortlist.mutate(
      { offerId: offer.id, decision: { action: 'shortlist' } },
      {
        onSuccess: () => notify(m.offerReview.decide.shortlisted(offer.influencer.displayName)),
        onError: (error) => notify(explain(error), 'error'),
      },
    );
  return (
    <>
      {announcement}
      <section aria-label={t.list} id={OFFER_LIST_ID} tabIndex={-1} style={{ outline: 'none' }}>
        {items.length === 0 ? (
          <Text c="dimmed">{query.status ? t.emptyFiltered : t.empty}</Text>
        ) : (
          <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((offer) => (
              <li key={offer.id}>
                <OfferCard
                  offer={offer}
                  shortlisting={shortlist.isPending && shortlist.variables?.offerId === offer.id}
                  onShortlist={() => onShortlist(offer)}
                  onAccept={() => decide({ kind: 'accept', offer })}
                  onReject={() => decide({ kind: 'reject', offer })}
                />
              </li>
            ))}
          </Stack>
        )}
        <LoadMore query={results} label={t.more} />
        <DecisionModal
          campaign={campaign}
          deciding={deciding}
          opened={modalOpen}
          onClose={() => setModalOpen(false)}
        />
      </section>
    </>
  );
}

/** /campaigns/:id/offers — the owner reviews the offers on one campaign and decides on them. */
export function CampaignOffersPage() {
  const { m } = useI18n();
  const t = m.offerReview.page;
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const { filters } = useUrlFilters(filterKeys);
  const name = campaign.data ? campaign.data.name || m.campaigns.view.untitled : t.list;
  usePageTitle(t.pageTitle(name));

  if (campaign.isPending) return <PageLoader />;
  if (campaign.isError) {
    if (isApiError(campaign.error) && campaign.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  }
  const c = campaign.data;
  // Only the owner may duplicate a campaign: the server's way of saying "yours" (others get 404 on
  // the offers anyway).
  if (!c.abilities.duplicate) return <NotFoundPage />;
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {t.title}{' '}
          <Anchor component={Link} to={`/campaigns/${c.id}`} inherit>
            {name}
          </Anchor>
        </Title>
        <Group gap="xs">
          <Badge color={statusColor[c.status]} variant="dot">
            {m.campaigns.statuses[c.status]}
          </Badge>
          {c.status !== 'draft' ? (
            <Badge color={c.isOpen ? 'teal' : 'gray'} variant="dot">
              {c.isOpen ? m.campaigns.view.open : m.campaigns.view.notOpen}
            </Badge>
          ) : null}
        </Group>
      </Stack>
      <SlotsBar campaign={c} />
      <IntakeNote campaign={c} />
      <Filters filters={filters} />
      <OfferList campaign={c} filters={filters} />
    </Stack>
  );
}
