import type { OfferStatus } from '@bextr/contracts';
import type { Tx } from '../../db/client.ts';
import { type LiveEventInput, publishEvents } from '../../lib/events/publish.ts';

export interface OfferChange {
  offerId: string;
  campaignId: string;
  conversationId: string | null;
  status: OfferStatus;
  /** The campaign's owner. */
  businessId: string;
  influencerId: string;
}

/** Tells both sides' open pages that offers changed state, inside the transaction that changed them. */
export async function publishOfferChanges(tx: Tx, changes: readonly OfferChange[]): Promise<void> {
  await publishEvents(tx, offerChangeEvents(changes));
}

/** The live events of `publishOfferChanges`, for a caller that publishes them with others (notify). */
export function offerChangeEvents(changes: readonly OfferChange[]): LiveEventInput[] {
  return changes.flatMap((c) => {
    const data = {
      offerId: c.offerId,
      campaignId: c.campaignId,
      conversationId: c.conversationId,
      status: c.status,
    };
    return [
      { userId: c.businessId, type: 'offer' as const, data },
      { userId: c.influencerId, type: 'offer' as const, data },
    ];
  });
}
