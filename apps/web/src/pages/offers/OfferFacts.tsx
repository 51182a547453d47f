import type { Deliverable, Offer } from '@bextr/contracts';
import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Messages } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

/** "2 × Story · Instagram". */
export function deliverableLine(m: Messages, d: Deliverable) {
  const t = m.campaigns;
  return `${d.quantity} × ${t.deliverableTypes[d.type]} · ${t.networks[d.network]}`;
}

/** A term and its value; `compact` for a narrow side panel. */
function Fact({ label, compact, children }: { label: string; compact?: boolean; children: ReactNode }) {
  return (
    <div style={compact ? undefined : { minWidth: 0 }}>
      <Text size={compact ? 'xs' : 'sm'} c="dimmed" component="dt">
        {label}
      </Text>
      <Text
        component="dd"
        m={0}
        size={compact ? 'sm' : undefined}
        fw={500}
        style={{ overflowWrap: 'anywhere' }}
      >
        {children}
      </Text>
    </div>
  );
}

/** The words of the proposal facts: each screen names them in its own way. */
export interface ProposalFactLabels {
  price: string;
  /** Stands for the price when the campaign pays in barter and the offer names no price. */
  barter: string;
  deliverables: string;
  publishDate: string;
  /** A fact the offer leaves out. */
  none: string;
}

/** What an offer proposes — price or barter, deliverables, publish date — as term/value pairs for
 * the caller's `<dl>`. */
export function ProposalFacts({
  offer,
  labels: t,
  compact,
}: {
  offer: Offer;
  labels: ProposalFactLabels;
  compact?: boolean;
}) {
  const { m, format } = useI18n();
  const comp = offer.campaign.compensation;
  return (
    <>
      {offer.price ? (
        <Fact label={t.price} compact={compact}>
          {format.money(offer.price)}
        </Fact>
      ) : comp?.type === 'barter' ? (
        <Fact label={t.barter} compact={compact}>
          {comp.description}
        </Fact>
      ) : (
        <Fact label={t.price} compact={compact}>
          {t.none}
        </Fact>
      )}
      <Fact label={t.deliverables} compact={compact}>
        {offer.deliverables.length > 0
          ? offer.deliverables.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: deliverables have no id; the order is their identity
              <span key={i} style={{ display: 'block' }}>
                {deliverableLine(m, d)}
              </span>
            ))
          : t.none}
      </Fact>
      <Fact label={t.publishDate} compact={compact}>
        {offer.proposedPublishDate ? format.date(offer.proposedPublishDate) : t.none}
      </Fact>
    </>
  );
}

/** What an offer proposes: price or barter, deliverables, publish date, and when it was sent. */
export function OfferFacts({ offer }: { offer: Offer }) {
  const { m, format } = useI18n();
  const t = m.offers.summary;
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs" m={0}>
      <ProposalFacts offer={offer} labels={{ ...t, barter: t.barterAccepted }} />
      <Fact label={t.sent}>{format.date(offer.createdAt)}</Fact>
    </SimpleGrid>
  );
}
