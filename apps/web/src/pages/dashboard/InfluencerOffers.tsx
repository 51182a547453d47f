import type { Invitation, Offer } from '@bextr/contracts';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../api/index.ts';
import { DashboardSection } from '../../components/DashboardSection.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { OfferStatusBadge } from '../../components/OfferStatusBadge.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { useCursorPages } from '../../components/use-cursor-pages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { BusinessLink } from '../business/BusinessLink.tsx';
import { offerKeys, type useLatestOffers } from '../offers/offer-queries.ts';

const listStyle = { listStyle: 'none' } as const;

function OfferRow({ offer }: { offer: Offer }) {
  const { m, format } = useI18n();
  return (
    <Group component="li" justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor
          component={Link}
          to={`/campaigns/${offer.campaign.id}`}
          fw={600}
          style={{ overflowWrap: 'anywhere' }}
        >
          {offer.campaign.name}
        </Anchor>
        <Text size="sm" c="dimmed">
          <BusinessLink business={offer.campaign.business} /> ·{' '}
          {m.offers.dashboard.sentOn(format.date(offer.createdAt))}
        </Text>
      </Stack>
      <OfferStatusBadge status={offer.status} />
    </Group>
  );
}

/** The dashboard's few newest offers with their status, and the way to all of them. */
export function LatestOffers({ query }: { query: ReturnType<typeof useLatestOffers> }) {
  const { m } = useI18n();
  const t = m.offers.dashboard;
  const items = query.data?.items ?? [];
  return (
    <DashboardSection
      id="latest-offers-title"
      title={t.offersTitle}
      all={items.length > 0 ? { to: '/offers', label: t.allOffers } : null}
    >
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Stack gap="sm" align="flex-start">
          <Text c="dimmed">{t.offersEmpty}</Text>
          <Button component={Link} to="/campaigns" variant="light">
            {t.findCampaigns}
          </Button>
        </Stack>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={listStyle}>
          {items.map((offer) => (
            <OfferRow key={offer.id} offer={offer} />
          ))}
        </Stack>
      )}
    </DashboardSection>
  );
}

function InvitationCard({ invitation }: { invitation: Invitation }) {
  const { m, format } = useI18n();
  const t = m.offers.dashboard;
  const c = invitation.campaign;
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap="xs">
        <div>
          <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={`/campaigns/${c.id}`} inherit>
              {c.name}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            <BusinessLink business={c.business} /> · {t.invitedOn(format.date(invitation.createdAt))}
          </Text>
        </div>
        <div>
          <Text size="sm" fw={500}>
            {t.message(c.business.name)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {invitation.message}
          </Text>
        </div>
        {c.applicationDeadline ? (
          <Text size="sm" fw={500}>
            {t.deadline(format.date(c.applicationDeadline))}
          </Text>
        ) : null}
        {invitation.offer ? (
          <Group gap={6}>
            <Text size="sm" fw={500}>
              {t.yourOffer}
            </Text>
            <OfferStatusBadge status={invitation.offer.status} />
          </Group>
        ) : c.isOpen ? (
          <Group>
            <Button
              component={Link}
              to={`/campaigns/${c.id}?invitation=${encodeURIComponent(invitation.id)}`}
              size="sm"
              aria-label={t.sendOfferNamed(c.name)}
            >
              {t.sendOffer}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t.closed}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Invitations from businesses, newest first, each with the way to answer it. */
export function Invitations() {
  const { m } = useI18n();
  const t = m.offers.dashboard;
  const { query, items } = useCursorPages([...offerKeys.invitations, 'list'], (cursor, signal) =>
    api.offers.myInvitations({ limit: 10, ...(cursor ? { cursor } : {}) }, signal),
  );
  return (
    <Paper component="section" withBorder radius="md" p="lg" aria-labelledby="invitations-title">
      <Title order={2} size="h4" id="invitations-title">
        {t.invitationsTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t.invitationsLead}
      </Text>
      <QueryStates query={query} isEmpty={items.length === 0} empty={t.invitationsEmpty}>
        <Stack component="ul" gap="sm" p={0} m={0} style={listStyle}>
          {items.map((invitation) => (
            <InvitationCard key={invitation.id} invitation={invitation} />
          ))}
        </Stack>
      </QueryStates>
      <LoadMore query={query} label={t.loadMore} />
    </Paper>
  );
}
