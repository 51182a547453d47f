import {
  type Agreement,
  type Amendment,
  type Collaboration,
  type CollaborationListItem,
  type CollaborationSide,
  imageRef,
} from '@bextr/contracts';
import type { AgreementRow, AmendmentRow, CollaborationRow } from '../../db/schema.ts';
import { canTakeDeliverableAction, collaborationAbilities } from './policy.ts';
import type { CollaborationWithParties, LineWithProofs } from './queries.ts';

interface Actor {
  id: string;
  role: string;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentAgreement(a: AgreementRow): Agreement {
  return {
    campaignName: a.campaignName,
    compensationType: a.compensationType,
    price: a.priceAmount !== null ? { amount: a.priceAmount, currency: 'EUR' } : null,
    barterDescription: a.barterDescription,
    publishDate: a.publishDate,
    startDate: a.startDate,
    endDate: a.endDate,
    deliverables: a.deliverables.map((d) => ({
      key: d.key,
      type: d.type as Agreement['deliverables'][number]['type'],
      network: d.network as Agreement['deliverables'][number]['network'],
      quantity: d.quantity,
      ...(d.notes ? { notes: d.notes } : {}),
    })),
  };
}

const sideOfUser = (
  row: Pick<CollaborationRow, 'businessId'>,
  userId: string | null,
): CollaborationSide | null =>
  userId === null ? null : userId === row.businessId ? 'business' : 'influencer';

export function presentAmendment(c: Pick<CollaborationRow, 'businessId'>, a: AmendmentRow): Amendment {
  return {
    id: a.id,
    proposedBy: sideOfUser(c, a.proposedBy) ?? 'business',
    changes: proposedChanges(a.changes as Amendment['changes'] & { dropped?: unknown }),
    note: a.note,
    status: a.status,
    baseVersion: a.baseVersion,
    decidedAt: iso(a.decidedAt),
    createdAt: a.createdAt.toISOString(),
  };
}

/** What the proposal changes, without what the server keeps beside it (`dropped`: the terms of the
 * lines it removed, for their history). */
function proposedChanges(stored: Amendment['changes'] & { dropped?: unknown }): Amendment['changes'] {
  const { dropped: _kept, ...changes } = stored;
  return changes;
}

function parties(row: CollaborationWithParties) {
  const c = row.collaboration;
  return {
    business: { id: c.businessId, name: row.businessName, handle: null },
    influencer: { id: c.influencerId, name: row.influencerName, handle: row.handle },
  };
}

/** A collaboration as one of its sides sees it: the agreement, every line with its proofs, the
 * amendments, the cancel request, and what the viewer may do now. */
export function presentCollaboration(
  actor: Actor,
  row: CollaborationWithParties,
  lines: readonly LineWithProofs[],
  amendmentRows: readonly AmendmentRow[],
): Collaboration {
  const c = row.collaboration;
  const side: CollaborationSide = actor.id === c.businessId ? 'business' : 'influencer';
  const agreement = presentAgreement(c.agreement);
  const termsOf = new Map(c.agreement.deliverables.map((d) => [d.key, d]));
  const pending = amendmentRows.find((a) => a.status === 'pending');
  return {
    id: c.id,
    status: c.status,
    offerId: c.offerId,
    conversationId: c.conversationId,
    campaignId: c.campaignId,
    mySide: side,
    ...parties(row),
    agreement,
    agreementVersion: c.agreementVersion,
    deliverables: lines.map(({ line, proofs }) => {
      // A dropped line's terms are no longer in the agreement: the proofs keep its history, the
      // terms of its last version are kept on the line's first proof-less copy (the amendment).
      const terms = termsOf.get(line.key) ?? retiredTerms(amendmentRows, line.key);
      return {
        id: line.id,
        key: line.key,
        type: (terms?.type ?? 'other') as Agreement['deliverables'][number]['type'],
        network: (terms?.network ?? 'instagram') as Agreement['deliverables'][number]['network'],
        quantity: terms?.quantity ?? 1,
        ...(terms?.notes ? { notes: terms.notes } : {}),
        status: line.status,
        current: line.current,
        proofs: proofs.map((p) => ({
          id: p.id,
          url: p.url,
          note: p.note,
          images: p.uploadIds.map(imageRef),
          decision: p.decision,
          decisionNote: p.decisionNote,
          decidedAt: iso(p.decidedAt),
          createdAt: p.createdAt.toISOString(),
        })),
        abilities: {
          submitProof: canTakeDeliverableAction(side, c.status, line, 'submit'),
          approve: canTakeDeliverableAction(side, c.status, line, 'approve'),
          requestChanges: canTakeDeliverableAction(side, c.status, line, 'requestChanges'),
        },
      };
    }),
    amendments: amendmentRows.map((a) => presentAmendment(c, a)),
    cancelRequest:
      c.cancelRequestedBy && c.cancelRequestedAt
        ? {
            by: sideOfUser(c, c.cancelRequestedBy) ?? 'business',
            reason: c.cancelReason,
            at: c.cancelRequestedAt.toISOString(),
          }
        : null,
    progress: { approved: row.approved, total: row.total },
    abilities: collaborationAbilities(side, c, pending ? sideOfUser(c, pending.proposedBy) : null),
    deliveredAt: iso(c.deliveredAt),
    completedAt: iso(c.completedAt),
    cancelledAt: iso(c.cancelledAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The terms a dropped line last had: the `previous` copy kept on the amendment that dropped it. */
function retiredTerms(amendmentRows: readonly AmendmentRow[], key: string) {
  for (const a of amendmentRows) {
    const dropped = (a.changes as { dropped?: AgreementRow['deliverables'] }).dropped;
    const found = dropped?.find((d) => d.key === key);
    if (found) return found;
  }
  return undefined;
}

export function presentCollaborationListItem(
  actor: Actor,
  row: CollaborationWithParties,
): CollaborationListItem {
  const c = row.collaboration;
  const both = parties(row);
  const otherIsBusiness = actor.id !== c.businessId;
  const other = otherIsBusiness ? both.business : both.influencer;
  return {
    id: c.id,
    status: c.status,
    offerId: c.offerId,
    conversationId: c.conversationId,
    campaignId: c.campaignId,
    campaignName: c.agreement.campaignName,
    otherParty: { ...other, role: otherIsBusiness ? 'business' : 'influencer' },
    progress: { approved: row.approved, total: row.total },
    pendingAmendment: row.pendingAmendmentBy !== null,
    cancelRequested: c.cancelRequestedBy !== null,
    updatedAt: c.updatedAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
  };
}
