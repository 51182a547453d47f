import type { Review } from '@bextr/contracts';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../i18n/use-i18n.ts';
import { useSession } from '../session/use-session.ts';
import { LoadMore } from './LoadMore.tsx';
import { QueryStates } from './QueryStates.tsx';
import { Stars } from './StarRating.tsx';
import { useCursorPages } from './use-cursor-pages.ts';

const listStyle = { listStyle: 'none' } as const;

/** Where the author's name leads: a business's page, or an influencer's profile for those who may
 * browse profiles (businesses, admins). */
function authorPath(review: Review, role: string | undefined): string | null {
  if (review.author.role === 'business') return `/businesses/${encodeURIComponent(review.author.id)}`;
  if (review.author.handle && (role === 'business' || role === 'admin'))
    return `/influencers/${encodeURIComponent(review.author.handle)}`;
  return null;
}

/** One review: stars (read out as "4 out of 5 stars"), the author by name, the campaign, the date,
 * and the text. */
export function ReviewItem({ review, showAuthor = true }: { review: Review; showAuthor?: boolean }) {
  const { m, format } = useI18n();
  const { user } = useSession();
  const path = authorPath(review, user?.role);
  const author = path ? (
    <Anchor component={Link} to={path} inherit>
      {review.author.name}
    </Anchor>
  ) : (
    review.author.name
  );
  return (
    <Stack gap={4}>
      <Text component="span" role="img" aria-label={m.reviews.stars(review.rating)} w="fit-content">
        <Stars value={review.rating} />
      </Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {showAuthor ? <>{author} · </> : null}
        {review.campaignName} · {format.date(review.createdAt)}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {review.text}
      </Text>
    </Stack>
  );
}

/** The reviews a user received, newest first, with "show more"; a section with its own heading. */
export function ReceivedReviews({
  queryKey,
  fetchPage,
  headingId,
}: {
  queryKey: unknown[];
  fetchPage: (cursor: string, signal: AbortSignal) => Promise<{ items: Review[]; nextCursor: string | null }>;
  headingId: string;
}) {
  const { m } = useI18n();
  const t = m.reviews.list;
  const { query, items } = useCursorPages(queryKey, fetchPage);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t.title}
      </Title>
      <QueryStates query={query} isEmpty={items.length === 0} empty={t.none}>
        <Stack component="ul" gap="lg" p={0} m={0} style={listStyle}>
          {items.map((review) => (
            <li key={review.id}>
              <ReviewItem review={review} />
            </li>
          ))}
        </Stack>
      </QueryStates>
      <LoadMore query={query} label={t.loadMore} />
    </Paper>
  );
}
