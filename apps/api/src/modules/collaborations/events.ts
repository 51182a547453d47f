import type { NotificationKind } from '@bextr/contracts';
import type { Tx } from '../../db/client.ts';
import type { CollaborationRow } from '../../db/schema.ts';
import { publishEvents } from '../../lib/events/publish.ts';
import { type NewNotification, notify } from '../notifications/service.ts';

type Parties = Pick<
  CollaborationRow,
  'id' | 'status' | 'businessId' | 'influencerId' | 'campaignId' | 'offerId'
>;

/** Tells both sides' open pages (the collaboration, the list, the thread's panel) that the
 * collaboration changed, inside the transaction that changed it. */
export async function publishCollaborationChange(tx: Tx, c: Parties): Promise<void> {
  const data = { collaborationId: c.id, status: c.status };
  await publishEvents(tx, [
    { userId: c.businessId, type: 'collaboration', data },
    { userId: c.influencerId, type: 'collaboration', data },
  ]);
}

/** The other side of the actor. */
export const otherSide = (c: Pick<CollaborationRow, 'businessId' | 'influencerId'>, actorId: string) =>
  actorId === c.businessId ? c.influencerId : c.businessId;

/** Notifications about a collaboration (in-app, live, e-mail unless muted), in its transaction. */
export async function notifyCollaboration(
  ctx: { baseUrl: string },
  tx: Tx,
  c: Parties,
  items: readonly { to: string; kind: NotificationKind; actorId: string; note?: string | null }[],
) {
  await notify(
    ctx,
    tx,
    items.map(
      (item): NewNotification => ({
        userId: item.to,
        kind: item.kind,
        actorId: item.actorId,
        campaignId: c.campaignId,
        offerId: c.offerId,
        collaborationId: c.id,
        note: item.note ?? null,
      }),
    ),
  );
}
