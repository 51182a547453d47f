import type { Offer } from '@bextr/contracts';
import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Divider,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Spoiler,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { OfferStatusBadge } from '../../components/OfferStatusBadge.tsx';
import { StarRating } from '../../components/StarRating.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={600} size="sm">
        {children}
      </Text>
    </div>
  );
}

/** Audience fit as a number and a small bar; "—" when the campaign is remote (no countries). */
function AudienceFit({ value }: { value: number | null }) {
  const { m, format } = useI18n();
  const t = m.offerReview.offer;
  if (value === null) {
    return (
      <>
        <span aria-hidden="true" title={t.audienceFitRemote}>
          —
        </span>
        <VisuallyHidden>{t.audienceFitRemote}</VisuallyHidden>
      </>
    );
  }
  const rounded = Math.round(value);
  return (
    <Stack gap={4} title={t.audienceFitHint}>
      <span>{format.number(rounded)} %</span>
      <Progress
        value={rounded}
        size="sm"
        maw={96}
        aria-label={`${t.audienceFit}: ${format.number(rounded)} %`}
        color="teal"
      />
    </Stack>
  );
}

/** The id of an offer card's heading, which takes the focus once a decision on it is made (the
 * button that opened the dialog may be gone by then). */
export const offerHeadingId = (offerId: string) => `offer-${offerId}-name`;
/** The list of offer cards, focused when the decided offer left the (filtered) list. */
export const OFFER_LIST_ID = 'offer-list';

/** One offer in the business's review: who sent it, what they propose, and the decisions left. */
export function OfferCard({
  offer,
  onShortlist,
  onAccept,
  onReject,
  shortlisting,
}: {
  offer: Offer;
  onShortlist: () => void;
  onAccept: () => void;
  onReject: () => void;
  shortlisting: boolean;
}) {
  const { m, format } = useI18n();
  const t = m.offerReview.offer;
  const headingId = offerHeadingId(offer.id);
  const who = offer.influencer;
  const canDecide = offer.abilities.shortlist || offer.abilities.accept || offer.abilities.reject;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ flex: '1 1 240px', minWidth: 0 }}>
            <Avatar
              src={who.avatar?.thumbUrl ?? null}
              alt={m.influencers.view.avatarOf(who.displayName)}
              size={56}
              radius="xl"
            >
              {who.displayName.slice(0, 1).toUpperCase()}
            </Avatar>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Title
                order={2}
                size="h4"
                id={headingId}
                tabIndex={-1}
                style={{ overflowWrap: 'break-word', outlineOffset: 2 }}
              >
                {who.displayName}
              </Title>
              <Group gap={6} wrap="wrap">
                <Anchor
                  component={Link}
                  to={`/influencers/${encodeURIComponent(who.handle)}`}
                  size="sm"
                  title={t.profileOf(who.displayName)}
                  style={{ overflowWrap: 'break-word', minWidth: 0 }}
                >
                  {t.handle(who.handle)}
                </Anchor>
                {who.tier ? (
                  <Badge variant="outline" color="gray" size="sm">
                    {m.campaigns.tiers[who.tier]}
                  </Badge>
                ) : null}
              </Group>
            </Stack>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed">
              {t.sent} {format.date(offer.createdAt)}
            </Text>
            <OfferStatusBadge status={offer.status} />
          </Group>
        </Group>

        <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" verticalSpacing="xs" m={0}>
          <Fact label={t.followers}>{format.number(who.followers)}</Fact>
          <Fact label={t.engagement}>{format.number(who.engagementRate)} %</Fact>
          <Fact label={t.audienceFit}>
            <AudienceFit value={who.audienceFit} />
          </Fact>
          <Fact label={t.rating}>
            <StarRating rating={who.rating} />
          </Fact>
          <Fact label={t.price}>
            {offer.price ? format.money(offer.price) : offer.barterAccepted ? t.barterAccepted : '—'}
          </Fact>
          <Fact label={t.publishDate}>
            {offer.proposedPublishDate ? format.date(offer.proposedPublishDate) : t.notProposed}
          </Fact>
        </SimpleGrid>

        <div>
          <Title order={3} size="h6" mb={4}>
            {t.pitch}
          </Title>
          <Spoiler maxHeight={96} showLabel={t.showMore} hideLabel={t.showLess}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {offer.pitch}
            </Text>
          </Spoiler>
        </div>

        {offer.deliverables.length > 0 ? (
          <div>
            <Title order={3} size="h6" mb={4}>
              {t.deliverables}
            </Title>
            <List size="sm" spacing={2}>
              {offer.deliverables.map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: deliverables have no id; the order is their identity
                <List.Item key={i}>
                  {d.quantity} × {m.campaigns.deliverableTypes[d.type]} · {m.campaigns.networks[d.network]}
                  {d.notes ? (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      — {d.notes}
                    </Text>
                  ) : null}
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}

        {offer.status === 'rejected' && offer.rejectionReason ? (
          <Paper withBorder p="sm" radius="sm" bg="var(--mantine-color-default-hover)">
            <Text size="xs" c="dimmed">
              {t.rejectionReason}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {offer.rejectionReason}
            </Text>
          </Paper>
        ) : null}

        <Divider />
        <Group justify="space-between" gap="xs">
          <Button
            component={Link}
            to={`/inbox/${encodeURIComponent(offer.conversationId)}`}
            variant="default"
            aria-label={m.inbox.messagesLinkNamed(who.displayName)}
          >
            {m.inbox.messagesLink}
          </Button>
          {canDecide ? (
            <Group gap="xs" role="group" aria-label={t.actions(who.displayName)}>
              {offer.abilities.accept ? <Button onClick={onAccept}>{t.accept}</Button> : null}
              {offer.abilities.shortlist ? (
                <Button variant="default" onClick={onShortlist} loading={shortlisting}>
                  {t.shortlist}
                </Button>
              ) : null}
              {offer.abilities.reject ? (
                <Button variant="light" color="red" onClick={onReject}>
                  {t.reject}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
