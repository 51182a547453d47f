import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EmailKind, NotificationPreferencesBody, UnsubscribeBody } from '@bextr/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { notificationPreferences } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { addressKey, type LimitRule } from '../../lib/rate-limit.ts';
import type { SessionUser } from '../auth/sessions.ts';

/** One-click unsubscribes per IP. Generous: a mail provider posts RFC 8058 unsubscribes for many of its
 * users from few addresses; the token (192 bits) is what guards the link. */
export const unsubscribePerIp: LimitRule = { max: 60, windowSeconds: 15 * 60 };

/** Makes sure each user has a preferences row (and so an unsubscribe token). Rows are inserted in id
 * order, so two transactions creating overlapping sets queue instead of deadlocking. */
export async function ensurePreferences(db: Db | Tx, userIds: readonly string[]): Promise<void> {
  const ids = [...new Set(userIds)].sort();
  if (ids.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(ids.map((userId) => ({ userId })))
    .onConflictDoNothing({ target: notificationPreferences.userId });
}

/** Each user's muted e-mail kinds and unsubscribe token, creating missing rows. Rows are made once per
 * user and read on every notification: read first, and insert (then read again) only when one is
 * missing, which saves a round trip in the usual case. */
export async function preferencesOf(db: Db | Tx, userIds: readonly string[]) {
  const ids = [...new Set(userIds)];
  const rows = await readPreferences(db, ids);
  return rows.length < ids.length ? createdPreferencesOf(db, ids) : preferenceMap(rows);
}

/** preferencesOf for users known to have no row yet (a first notification): make, then read. */
export async function createdPreferencesOf(db: Db | Tx, userIds: readonly string[]) {
  await ensurePreferences(db, userIds);
  return preferenceMap(await readPreferences(db, [...new Set(userIds)]));
}

const readPreferences = (db: Db | Tx, ids: string[]) =>
  db.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, ids));

const preferenceMap = (rows: (typeof notificationPreferences.$inferSelect)[]) =>
  new Map(rows.map((r) => [r.userId, { muted: new Set(r.emailMuted), token: r.unsubscribeToken }]));

/** The token of one user's unsubscribe link for one kind: `<user id>.<HMAC of the kind under the
 * user's secret>`. A forwarded e-mail lets its reader mute that kind only, not every kind. */
function kindToken(userId: string, secret: string, kind: EmailKind): string {
  return `${userId}.${createHmac('sha256', secret).update(kind).digest('base64url')}`;
}

/** The links and headers an e-mail of `kind` carries: the web page the footer links to (it posts on
 * opening), the API address mail clients post to (RFC 8058), and the settings page. `secret` is the
 * user's unsubscribe_token, which never leaves the server. */
export function unsubscribeFor(baseUrl: string, to: { userId: string; secret: string }, kind: EmailKind) {
  const token = kindToken(to.userId, to.secret, kind);
  const query = new URLSearchParams({ token, kind }).toString();
  const links = { url: `${baseUrl}/unsubscribe?${query}`, settingsUrl: `${baseUrl}/settings` };
  const headers = {
    'List-Unsubscribe': `<${baseUrl}/api/v1/notification-preferences/unsubscribe?${query}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
  return { links, headers };
}

async function lockPreferences(tx: Tx, userId: string) {
  await ensurePreferences(tx, [userId]);
  const [row] = await tx
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .for('update');
  if (!row) throw new Error('preferences row missing');
  return row;
}

/** The user's muted kinds (none without a row). */
export async function getPreferences(ctx: AppContext, opts: { user: SessionUser }): Promise<string[]> {
  const [row] = await ctx.db
    .select({ muted: notificationPreferences.emailMuted })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, opts.user.id));
  return row?.muted ?? [];
}

/** Applies the kinds given (true = send, false = mute), leaves the others as they were; returns the
 * muted kinds after it. The row is locked, so two saves at once never lose each other's changes. */
export async function updatePreferences(
  ctx: AppContext,
  opts: { user: SessionUser; body: NotificationPreferencesBody },
): Promise<string[]> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockPreferences(tx, opts.user.id);
    const muted = new Set(row.emailMuted);
    for (const [kind, on] of Object.entries(opts.body.email)) {
      if (on === true) muted.delete(kind);
      else if (on === false) muted.add(kind);
    }
    const emailMuted = [...muted].sort();
    await tx
      .update(notificationPreferences)
      .set({ emailMuted, updatedAt: new Date() })
      .where(eq(notificationPreferences.userId, opts.user.id));
    return emailMuted;
  });
}

/** The one-click unsubscribe (no sign-in): the token names the user and proves the link was made for
 * `kind`, which is muted. Limited per IP; an unknown token, or one made for another kind, is 404
 * INVALID_TOKEN. Muting twice is fine. */
export async function unsubscribe(
  ctx: AppContext,
  opts: UnsubscribeBody & { ip: string },
): Promise<{ kind: EmailKind }> {
  await ctx.limiter.hit(unsubscribePerIp, `unsubscribe:ip:${addressKey(opts.ip)}`);
  await ctx.db.transaction(async (tx) => {
    const userId = opts.token.slice(0, Math.max(0, opts.token.lastIndexOf('.')));
    const [row] = userId
      ? await tx
          .select()
          .from(notificationPreferences)
          .where(eq(notificationPreferences.userId, userId))
          .for('update')
      : [];
    if (!row || !sameToken(opts.token, kindToken(row.userId, row.unsubscribeToken, opts.kind)))
      throw new AppError(404, 'INVALID_TOKEN');
    if (row.emailMuted.includes(opts.kind)) return;
    await tx
      .update(notificationPreferences)
      .set({ emailMuted: [...row.emailMuted, opts.kind].sort(), updatedAt: new Date() })
      .where(eq(notificationPreferences.userId, row.userId));
  });
  return { kind: opts.kind };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
