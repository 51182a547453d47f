import type { Campaign, PublicBusiness } from '@bextr/contracts';
import {
  Alert,
  Anchor,
  Avatar,
  Badge,
  Button,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/index.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { ReceivedReviews } from '../../components/ReviewList.tsx';
import { StarRating } from '../../components/StarRating.tsx';
import { useCursorPages } from '../../components/use-cursor-pages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../../session/use-session.ts';
import { countryName } from '../campaign/options.ts';

const listStyle = { listStyle: 'none' } as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** `https://www.example.com/` → `www.example.com`: the address as people say it. */
const shortUrl = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');

function CampaignItem({ campaign }: { campaign: Campaign }) {
  const { m, format } = useI18n();
  const t = m.campaigns;
  const c = campaign.compensation;
  return (
    <Paper withBorder p="md" radius="md" component="li">
      <Stack gap={6}>
        {campaign.coverUrl ? (
          <Image
            src={campaign.coverUrl}
            alt={t.view.coverAlt(campaign.name ?? '')}
            h={120}
            radius="sm"
            fit="cover"
          />
        ) : null}
        <Group gap="xs">
          {campaign.category ? <Badge variant="light">{t.categories[campaign.category]}</Badge> : null}
          <Badge variant="outline">
            {c?.type === 'paid' ? format.money(c.amount) : t.compensation.barter}
          </Badge>
        </Group>
        <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/campaigns/${campaign.id}`} inherit>
            {campaign.name}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {campaign.networks.map((n) => t.networks[n]).join(', ')}
        </Text>
        {campaign.applicationDeadline ? (
          <Text size="sm" fw={500}>
            {m.business.campaigns.deadline(format.date(campaign.applicationDeadline))}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The business's campaigns that take offers now, soonest deadline first. */
function OpenCampaigns({ businessId }: { businessId: string }) {
  const { m } = useI18n();
  const t = m.business.campaigns;
  const { query, items } = useCursorPages(['campaigns', 'business', businessId], (cursor, signal) =>
    api.campaigns.search({ businessId, sort: 'deadline', limit: 12, ...(cursor ? { cursor } : {}) }, signal),
  );
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="business-campaigns-title">
      <Title order={2} size="h4" id="business-campaigns-title">
        {t.title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t.lead}
      </Text>
      <QueryStates query={query} isEmpty={items.length === 0} empty={t.empty}>
        <SimpleGrid component="ul" cols={{ base: 1, sm: 2 }} spacing="md" p={0} m={0} style={listStyle}>
          {items.map((campaign) => (
            <CampaignItem key={campaign.id} campaign={campaign} />
          ))}
        </SimpleGrid>
      </QueryStates>
      <LoadMore query={query} label={t.loadMore} />
    </Paper>
  );
}

/** A business as others see it; the business itself gets the way to edit its profile. */
export function BusinessView({ business }: { business: PublicBusiness }) {
  const { m, locale } = useI18n();
  const { user } = useSession();
  const t = m.business.page;
  const own = user?.id === business.id;
  const location = [business.city, business.country ? countryName(locale, business.country) : null]
    .filter(Boolean)
    .join(', ');
  return (
    <Stack gap="lg" maw={900}>
      {own ? (
        <Alert variant="light" color="blue">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t.ownPageNote}</Text>
            <Button component={Link} to="/business-profile" size="xs" variant="default">
              {t.editProfile}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Paper withBorder p="lg" radius="md" component="header">
        <Stack gap="md">
          <Group gap="lg" align="center" wrap="nowrap">
            {business.logoUrl ? (
              <Avatar src={business.logoUrl} alt={t.logoAlt(business.companyName)} size={80} radius="md" />
            ) : (
              <Avatar name={business.companyName} color="initials" size={80} radius="md" aria-hidden />
            )}
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Title order={1} style={{ overflowWrap: 'anywhere' }}>
                {business.companyName}
              </Title>
              <StarRating rating={business.rating} />
            </Stack>
          </Group>
          <SimpleGrid component="dl" cols={{ base: 1, xs: 3 }} spacing="md" m={0}>
            {business.industry ? (
              <Fact label={t.industry}>{m.campaigns.categories[business.industry]}</Fact>
            ) : null}
            {location ? <Fact label={t.location}>{location}</Fact> : null}
            {business.website && isWebLink(business.website) ? (
              <Fact label={t.website}>
                <Anchor href={business.website} target="_blank" rel="noopener noreferrer nofollow" inherit>
                  {shortUrl(business.website)}
                </Anchor>
              </Fact>
            ) : null}
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="business-about-title">
        <Title order={2} size="h4" id="business-about-title" mb="sm">
          {t.about}
        </Title>
        {business.description ? (
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{business.description}</Text>
        ) : (
          <Text c="dimmed">{t.noDescription}</Text>
        )}
      </Paper>
      <ReceivedReviews
        headingId="business-reviews-title"
        queryKey={['businesses', business.id, 'reviews']}
        fetchPage={(cursor, signal) =>
          api.reviews.ofBusiness(business.id, { limit: 10, ...(cursor ? { cursor } : {}) }, signal)
        }
      />
      <OpenCampaigns businessId={business.id} />
    </Stack>
  );
}

/** Only http(s) addresses become links, whatever a stored value holds (saving checks it too). */
function isWebLink(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
