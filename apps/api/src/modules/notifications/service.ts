import type { NotificationKind, NotificationsReadBody } from '@bextr/contracts';
import { and, desc, eq, inArray, isNull, type Placeholder, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { preparedIn } from '../../db/prepared.ts';
import {
  businessProfiles,
  campaigns,
  influencerProfiles,
  notificationPreferences,
  notifications,
  offers,
  users,
} from '../../db/schema.ts';
import { together } from '../../db/together.ts';
import { type LiveEventInput, publishEvents } from '../../lib/events/publish.ts';
import type { SessionUser } from '../auth/sessions.ts';
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
 * The caller kicks the outbox after its commit. `alsoPublish`: the caller's own live events, published
 * after the notifications' in the same statement. Two round trips on PostgreSQL: the insert with the
 * read of what telling needs, then the live events with the e-mails. */
export async function notify(
  ctx: { baseUrl: string },
  tx: Tx,
  items: readonly NewNotification[],
  alsoPublish: readonly LiveEventInput[] = [],
) {
  if (items.length === 0) return publishEvents(tx, alsoPublish);
  // Milliseconds (as JS dates carry them), so page cursors built from these times are exact.
  const now = new Date();
  const values = items.map((item) => ({
    id: newId(),
    userId: item.userId,
    kind: item.kind,
    actorId: item.actorId,
    campaignId: item.campaignId ?? null,
    offerId: item.offerId ?? null,
    collaborationId: item.collaborationId ?? null,
    reportId: item.reportId ?? null,
    note: item.note ?? null,
    createdAt: now,
  }));
  const ids = values.map((v) => v.id);
  // The ids are made here, so the read of what telling needs goes out right behind the insert, in the
  // same round trip (the pool's connections pipeline: db/client.ts); as the transaction's next
  // statement, it sees the new rows. Both are built once (db/prepared.ts) for the usual few rows.
  const [, found] = await together([insertNotifications(tx, values), readToTell(tx, ids)]);
  const rows = ids.flatMap((id) => found.filter((r) => r.notification.id === id));
  await together([
    publishEvents(tx, [
      ...rows.map((row) => ({
        userId: row.notification.userId,
        type: 'notification' as const,
        data: { notification: presentNotification(row), unreadCount: row.unreadCount },
      })),
      ...alsoPublish,
    ]),
    queueNotificationEmails(ctx, tx, rows),
  ]);
}

const actor = alias(users, 'actor');
const recipient = alias(users, 'recipient');

/** What a notification's sentence needs: the campaign's name and the other side's display name (the
 * influencer's, or the company's; the account name as a fallback — never an e-mail). */
const withNames = {
  notification: notifications,
  campaignName: campaigns.name,
  actorName: sql<
    string | null
  >`coalesce(${influencerProfiles.displayName}, ${businessProfiles.companyName}, ${actor.name})`,
};

/** Notifications with their names, for the list. */
function selectNotifications(db: Db | Tx) {
  return db
    .select(withNames)
    .from(notifications)
    .leftJoin(campaigns, eq(campaigns.id, notifications.campaignId))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(influencerProfiles, eq(influencerProfiles.userId, notifications.actorId))
    .leftJoin(businessProfiles, eq(businessProfiles.userId, notifications.actorId));
}

/** New notifications with all that telling their recipients needs, in one read (every flow notifies,
 * inside its transaction, and each round trip costs the app more than the database): the names, the
 * recipient's unread count after them, and for the e-mail the recipient's address, name, language
 * and status (suspended accounts get none), its e-mail preferences, and the offer's thread and
 * reason. */
function selectToTell(tx: Tx, ids: readonly (string | Placeholder)[]) {
  return tx
    .select({
      ...withNames,
      unreadCount: sql<number>`(select count(*)::int from ${notifications} as unread
        where unread.user_id = ${notifications.userId} and unread.read_at is null)`,
      recipient: {
        email: recipient.email,
        name: recipient.name,
        locale: recipient.locale,
        status: recipient.status,
      },
      offer: { conversationId: offers.conversationId, reason: offers.rejectionReason },
      // The recipient's e-mail preferences (null until the row is made: queueNotificationEmails).
      preferences: {
        muted: notificationPreferences.emailMuted,
        token: notificationPreferences.unsubscribeToken,
      },
    })
    .from(notifications)
    .leftJoin(recipient, eq(recipient.id, notifications.userId))
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.userId))
    .leftJoin(campaigns, eq(campaigns.id, notifications.campaignId))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(influencerProfiles, eq(influencerProfiles.userId, notifications.actorId))
    .leftJoin(businessProfiles, eq(businessProfiles.userId, notifications.actorId))
    .leftJoin(offers, eq(offers.id, notifications.offerId))
    .where(inArray(notifications.id, [...ids]));
}

/** selectToTell for these ids, built once per count for the usual few (an `in` list of placeholders,
 * not `= any($1)`: PostgreSQL would plan an array of unknown length again on every call). */
async function readToTell(tx: Tx, ids: readonly string[]) {
  if (ids.length > PREPARED_ROWS) return selectToTell(tx, ids).execute();
  const query = preparedIn(tx, `notify_tell:${ids.length}`, (t, name) =>
    selectToTell(
      t,
      ids.map((_, i) => sql.placeholder(`id${i}`)),
    ).prepare(name),
  );
  return query.execute(Object.fromEntries(ids.map((id, i) => [`id${i}`, id])));
}

/** Rows per insert built once; more (an admin's action may notify many) are built for the call. */
const PREPARED_ROWS = 4;
const notificationColumns = [
  'id',
  'userId',
  'kind',
  'actorId',
  'campaignId',
  'offerId',
  'collaborationId',
  'reportId',
  'note',
  'createdAt',
] as const satisfies readonly (keyof typeof notifications.$inferInsert)[];
/** A new notification with every value given (null where it has none): the insert built once sets
 * every column. */
type NotificationRow = Required<
  Pick<typeof notifications.$inferInsert, (typeof notificationColumns)[number]>
>;

/** Inserts new notifications, all of whose values are given. */
async function insertNotifications(tx: Tx, rows: readonly NotificationRow[]) {
  if (rows.length > PREPARED_ROWS)
    return tx
      .insert(notifications)
      .values([...rows])
      .execute();
  const query = preparedIn(tx, `notify_insert:${rows.length}`, (t, name) =>
    t
      .insert(notifications)
      .values(
        rows.map(
          (_, i) =>
            Object.fromEntries(
              notificationColumns.map((key) => [key, sql.placeholder(`${key}${i}`)]),
            ) as unknown as NotificationRow,
        ),
      )
      .prepare(name),
  );
  const values: Record<string, unknown> = {};
  rows.forEach((row, i) => {
    for (const key of notificationColumns) values[`${key}${i}`] = row[key];
  });
  return query.execute(values);
}
export type NotificationToTell = Awaited<ReturnType<typeof selectToTell>>[number];
export type NotificationWithNames = Awaited<ReturnType<typeof selectNotifications>>[number];

/** The user's own notifications, newest first, with how many are unread. */
export async function listNotifications(
  ctx: AppContext,
  opts: { user: SessionUser; limit: number; cursor?: string | undefined },
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
  opts: { user: SessionUser; body: NotificationsReadBody },
) {
  const which = 'ids' in opts.body ? inArray(notifications.id, opts.body.ids) : undefined;
  await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, opts.user.id), isNull(notifications.readAt), which));
}
