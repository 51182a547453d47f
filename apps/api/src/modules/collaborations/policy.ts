import {
  type CollaborationAbilities,
  type CollaborationSide,
  type CollaborationStatus,
  type DeliverableStatus,
  workingCollaborationStatuses,
} from '@bextr/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { CollaborationRow } from '../../db/schema.ts';

interface Actor {
  id: string;
  role: string;
}

/** The named transitions of a deliverable line: the side that takes each, the line states it starts
 * from, where it leads. Each is also refused unless the collaboration is still being worked on
 * (`workingCollaborationStatuses`: not completed, cancelled or disputed). */
export const deliverableTransitions = {
  submit: { by: 'influencer', from: ['pending', 'changes_requested'], to: 'submitted' },
  approve: { by: 'business', from: ['submitted'], to: 'approved' },
  requestChanges: { by: 'business', from: ['submitted'], to: 'changes_requested' },
} as const satisfies Record<
  string,
  { by: CollaborationSide; from: readonly DeliverableStatus[]; to: DeliverableStatus }
>;
export type DeliverableAction = keyof typeof deliverableTransitions;

/** Where a collaboration stands from its current lines: every line approved → completed; every line
 * submitted or approved → delivered; otherwise active. */
export function statusFromLines(lines: readonly { status: DeliverableStatus }[]): CollaborationStatus {
  if (lines.length > 0 && lines.every((l) => l.status === 'approved')) return 'completed';
  if (lines.length > 0 && lines.every((l) => l.status === 'submitted' || l.status === 'approved'))
    return 'delivered';
  return 'active';
}

export const isWorking = (status: CollaborationStatus) =>
  (workingCollaborationStatuses as readonly CollaborationStatus[]).includes(status);

/** Which collaborations the actor may see, as SQL over `collaborations`: its two sides only. Admins
 * read one through the report about it, never here. */
export function collaborationVisibleTo(actor: Actor): SQL {
  return sql`(collaborations.business_id = ${actor.id} or collaborations.influencer_id = ${actor.id})`;
}

export function canTakeDeliverableAction(
  side: CollaborationSide,
  collaborationStatus: CollaborationStatus,
  line: { status: DeliverableStatus; current: boolean },
  action: DeliverableAction,
) {
  const t = deliverableTransitions[action];
  return (
    t.by === side &&
    line.current &&
    isWorking(collaborationStatus) &&
    (t.from as readonly DeliverableStatus[]).includes(line.status)
  );
}

/** What the viewer may do with the collaboration as a whole now (the lines carry their own). */
export function collaborationAbilities(
  side: CollaborationSide,
  row: Pick<CollaborationRow, 'status' | 'cancelRequestedBy'> & { businessId: string; influencerId: string },
  pendingAmendmentBy: CollaborationSide | null,
): CollaborationAbilities {
  const working = isWorking(row.status);
  const me = side === 'business' ? row.businessId : row.influencerId;
  const cancelBy = row.cancelRequestedBy;
  return {
    proposeAmendment: working && pendingAmendmentBy === null,
    decideAmendment: working && pendingAmendmentBy !== null && pendingAmendmentBy !== side,
    withdrawAmendment: pendingAmendmentBy === side,
    requestCancel: working && cancelBy === null,
    consentCancel: working && cancelBy !== null && cancelBy !== me,
    withdrawCancel: working && cancelBy === me,
  };
}
