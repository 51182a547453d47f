import type { Tx } from '../../db/client.ts';
import {
  type AgreementRow,
  collaborationDeliverables,
  collaborations,
  type OfferRow,
  type ShownCampaign,
} from '../../db/schema.ts';
import { publishCollaborationChange } from './events.ts';

/** The key of the n-th line ever made in a collaboration (1-based): stable for the line's life. */
export const lineKey = (n: number) => `d${n}`;

/** The agreement as accepted: a copy of the offer's terms and the campaign's facts at that moment.
 * Nothing reads the campaign or the offer again: a later edit of either changes nothing here. */
export function agreementFrom(offer: OfferRow, campaign: ShownCampaign): AgreementRow {
  const paid = campaign.compensationType === 'paid';
  return {
    campaignName: campaign.name ?? '',
    priceAmount: paid ? offer.priceAmount : null,
    currency: offer.currency,
    compensationType: paid ? 'paid' : 'barter',
    barterDescription: paid ? null : campaign.barterDescription,
    publishDate: offer.proposedPublishDate,
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    deliverables: offer.deliverables.map((d, i) => ({
      key: lineKey(i + 1),
      type: d.type,
      network: d.network,
      quantity: d.quantity,
      ...(d.notes ? { notes: d.notes } : {}),
    })),
  };
}

/** Inside the transaction that accepts an offer: the collaboration with its frozen agreement and one
 * line per agreed deliverable; both sides hear of it. */
export async function createCollaboration(
  tx: Tx,
  opts: { offer: OfferRow; campaign: ShownCampaign; now: Date },
) {
  const { offer, campaign, now } = opts;
  const agreement = agreementFrom(offer, campaign);
  const [row] = await tx
    .insert(collaborations)
    .values({
      offerId: offer.id,
      campaignId: campaign.id,
      businessId: campaign.ownerId,
      influencerId: offer.influencerId,
      conversationId: offer.conversationId,
      status: 'active',
      agreement,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('collaboration not inserted');
  await tx.insert(collaborationDeliverables).values(
    agreement.deliverables.map((d, position) => ({
      collaborationId: row.id,
      key: d.key,
      position,
      updatedAt: now,
    })),
  );
  await publishCollaborationChange(tx, row);
  return row;
}
