import { emailKinds, type Notification, type NotificationPreferences } from '@bextr/contracts';
import type { NotificationWithNames } from './service.ts';

export function presentNotification({
  notification: n,
  campaignName,
  actorName,
}: NotificationWithNames): Notification {
  return {
    id: n.id,
    kind: n.kind as Notification['kind'],
    offerId: n.offerId,
    campaignId: n.campaignId,
    campaignName: campaignName ?? null,
    collaborationId: n.collaborationId,
    reportId: n.reportId,
    note: n.note,
    actorName: actorName ?? null,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** Every e-mail kind, true unless muted. */
export function presentPreferences(muted: readonly string[]): NotificationPreferences {
  const email = Object.fromEntries(emailKinds.map((kind) => [kind, !muted.includes(kind)]));
  return { email: email as NotificationPreferences['email'] };
}
