import type { RatingSummary } from '@bextr/contracts';
import { Group, Text } from '@mantine/core';
import { useI18n } from '../i18n/use-i18n.ts';
import './star-rating.css';

const STARS = '★★★★★';

/** Five stars filled to `value` (0–5), for the eye only. */
export function Stars({ value, size = 'sm' }: { value: number; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const share = `${Math.max(0, Math.min(5, value)) * 20}%`;
  return (
    <Text component="span" size={size} className="star-rating" aria-hidden>
      <span className="star-rating__empty">{STARS}</span>
      <span className="star-rating__full" style={{ width: share }}>
        {STARS}
      </span>
    </Text>
  );
}

/** A user's rating: stars and "4.5 (12)", read out as "4.5 out of 5, 12 reviews"; "No reviews yet"
 * (or nothing, with `hideEmpty`) before the first review. */
export function StarRating({
  rating,
  size = 'sm',
  hideEmpty = false,
}: {
  rating: RatingSummary;
  size?: 'xs' | 'sm' | 'md' | 'lg';
  hideEmpty?: boolean;
}) {
  const { m, format } = useI18n();
  const t = m.reviews;
  if (!rating) {
    return hideEmpty ? null : (
      <Text component="span" size={size} c="dimmed">
        {t.noRating}
      </Text>
    );
  }
  const average = format.number(Math.round(rating.average * 10) / 10);
  return (
    <Group
      component="span"
      gap={6}
      wrap="nowrap"
      role="img"
      aria-label={t.ratingLabel(average, rating.count)}
    >
      <Stars value={rating.average} size={size} />
      <Text component="span" size={size} fw={600} aria-hidden>
        {t.ratingShort(average, rating.count)}
      </Text>
    </Group>
  );
}
