import type { NotificationKind, NotificationsReadBody } from '@bextr/contracts';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { businessProfiles, campaigns, influencerProfiles, notifications, users } from '../../db/schema.ts';
import { publishEvents } from '../../lib/events/publish.ts';
import type { UserRow } from '../auth/sessions.ts';
import { createdBefore, createdKey, decodeCursor, isCreatedKey, pageOf } from '../campaigns/cursor.ts';
import { queueNotificationEmails } from './emails.ts';
import { presentNotification } from './presenter.ts';

export interface NewNotification {
  /** Who gets it. */
  userId: string;
  kind: NotificationKind;
  /** Who caused it (the other side). */
  actorId: string;
  campaignId?: string | null;
  offerId?: string | null;
  collaborationId?: string | null;
  reportId?: string | null;
  note?: string | null;
}

/** Adds events to users' in-app lists, inside the transaction that made them happen, and in the same
 * transaction tells each recipient: a `notification` live event (the presented notification and the
 * unread count after it) and, unless muted, an e-mail in the recipient's language through the outbox.
 * The caller kicks the outbox after its commit. */
export async function notify(ctx: { baseUrl: string }, tx: Tx, items: readonly NewNotification[]) {
  if (items.length === 0) return;
  // Milliseconds (as JS dates carry them), so page cursors built from these times are exact.
  const now = new Date();
  const inserted = await tx
    .insert(notifications)
    .values(
      items.map((item) => ({
        userId: item.userId,
        kind: item.kind,
        actorId: item.actorId,
        campaignId: item.campaignId ?? null,
        offerId: item.offerId ?? null,
        collaborationId: item.collaborationId ?? null,
        reportId: item.reportId ?? null,
        note: item.note ?? null,
        createdAt: now,
      })),
    )
    .returning({ id: notifications.id });
  const ids = inserted.map((r) => r.id);
  const found = await selectNotifications(tx).where(inArray(notifications.id, ids));
  const rows = ids.flatMap((id) => found.filter((r) => r.notification.id === id));
  const recipients = [...new Set(items.map((i) => i.userId))];
  const unread = await tx
    .select({ userId: notifications.userId, n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(inArray(notifications.userId, recipients), isNull(notifications.readAt)))
    .groupBy(notifications.userId);
  const unreadOf = new Map(unread.map((u) => [u.userId, u.n]));
  await publishEvents(
    tx,
    rows.map((row) => ({
      userId: row.notification.userId,
      type: 'notification' as const,
      data: {
        notification: presentNotification(row),
        unreadCount: unreadOf.get(row.notification.userId) ?? 0,
      },
    })),
  );
  await queueNotificationEmails(ctx, tx, rows);
}

const actor = alias(users, 'actor');

/** Notifications with what their sentence needs: the campaign's name and the other side's display
 * name (the influencer's, or the company's; the account name as a fallback — never an e-mail). */
function selectNotifications(db: Db | Tx) {
  return db
    .select({
      notification: notifications,
      campaignName: campaigns.name,
      actorName: sql<
        string | null
      >`coalesce(${influencerProfiles.displayName}, ${businessProfiles.companyName}, ${actor.name})`,
    })
    .from(notifications)
    .leftJoin(campaigns, eq(campaigns.id, notifications.campaignId))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(influencerProfiles, eq(influencerProfiles.userId, notifications.actorId))
    .leftJoin(businessProfiles, eq(businessProfiles.userId, notifications.actorId));
}
export type NotificationWithNames = Awaited<ReturnType<typeof selectNotifications>>[number];

/** The user's own notifications, newest first, with how many are unread. */
export async function listNotifications(
  ctx: AppContext,
  opts: { user: UserRow; limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(opts.cursor, isCreatedKey);
  const mine = eq(notifications.userId, opts.user.id);
  const rows = await selectNotifications(ctx.db)
    .where(and(mine, after ? createdBefore(notifications.createdAt, notifications.id, after) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit + 1);
  const { page, nextCursor } = pageOf(rows, opts.limit, (r) => createdKey(r.notification));
  const [unread] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { page, nextCursor, unreadCount: unread?.n ?? 0 };
}

/** Marks the user's own notifications read: the ids given (others' ids are simply not touched), or
 * all of them. */
export async function markNotificationsRead(
  ctx: AppContext,
  opts: { user: UserRow; body: NotificationsReadBody },
) {
  const which = 'ids' in opts.body ? inArray(notifications.id, opts.body.ids) : undefined;
  await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, opts.user.id), isNull(notifications.readAt), which));
}
