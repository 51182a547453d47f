import type { OfferStatus } from '@bextr/contracts';
import { Badge } from '@mantine/core';
import { useI18n } from '../i18n/use-i18n.ts';
import './offer-status.css';

/** A color per offer state; the text always names the state, so color is never the only cue. */
export const offerStatusColor: Record<OfferStatus, string> = {
  pending: 'blue',
  shortlisted: 'violet',
  accepted: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
  expired: 'gray',
};

/** An offer's state as a badge with AA contrast in both color schemes. */
export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const { m } = useI18n();
  return (
    <Badge
      className="offer-status"
      data-status={status}
      color={offerStatusColor[status]}
      variant="light"
      style={{ flexShrink: 0 }}
    >
      {m.offerReview.statuses[status]}
    </Badge>
  );
}
