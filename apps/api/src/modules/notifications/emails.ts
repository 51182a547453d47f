import { isServiceNotificationKind, type NotificationKind } from '@bextr/contracts';
import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { notificationMail } from '../../lib/mail/notification-templates.ts';
import { type EmailJob, enqueueEmails } from '../../lib/mail/outbox.ts';
import { createdPreferencesOf, unsubscribeFor } from './preferences.ts';
import type { NotificationToTell } from './service.ts';

/** The page of the web app an e-mail's button opens: the business reviews offers on its campaign's
 * review; the influencer talks in the thread (shortlisted, accepted), sees its offers (rejected,
 * expired) or the campaign it was invited to. */
function targetPath(
  kind: NotificationKind,
  campaignId: string,
  conversationId: string | null,
  collaborationId: string | null = null,
  reportId: string | null = null,
): string {
  const campaign = encodeURIComponent(campaignId);
  switch (kind) {
    case 'account_warned':
      return '/notifications';
    case 'campaign_unpublished':
      return `/campaigns/${campaign}/edit`;
    case 'report_opened':
    case 'report_updated':
    case 'report_resolved':
      return reportId ? `/reports/${encodeURIComponent(reportId)}` : '/reports';
    case 'review_received':
    case 'deliverable_submitted':
    case 'deliverable_approved':
    case 'deliverable_changes_requested':
    case 'collaboration_completed':
    case 'amendment_proposed':
    case 'amendment_accepted':
    case 'amendment_declined':
    case 'cancel_requested':
    case 'collaboration_cancelled':
      return collaborationId ? `/collaborations/${encodeURIComponent(collaborationId)}` : '/collaborations';
    case 'offer_received':
    case 'offer_withdrawn':
      return `/campaigns/${campaign}/offers`;
    case 'offer_shortlisted':
    case 'offer_accepted':
      return conversationId ? `/inbox/${encodeURIComponent(conversationId)}` : '/offers';
    case 'offer_rejected':
    case 'offer_expired':
      return '/offers';
    case 'invitation_received':
      return `/campaigns/${campaign}`;
  }
}

/** What an e-mail to each of these users needs: address, name, language, and whether the account is
 * active (suspended accounts get no notification e-mails). */
export function mailRecipients(tx: Tx, userIds: readonly string[]) {
  return tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      status: users.status,
    })
    .from(users)
    .where(inArray(users.id, [...userIds]));
}

/** Queues the e-mail of each new notification (inside its transaction, in one statement), in the
 * recipient's language, unless the recipient muted that kind or is suspended. */
export async function queueNotificationEmails(
  ctx: { baseUrl: string },
  tx: Tx,
  rows: readonly NotificationToTell[],
): Promise<void> {
  if (rows.length === 0) return;
  // The preferences came with the rows; a recipient without a row yet (its first notification) gets
  // one made and read here.
  const missing = rows.filter((r) => r.preferences === null).map((r) => r.notification.userId);
  const made = missing.length > 0 ? await createdPreferencesOf(tx, missing) : new Map();
  const preferences = new Map(
    rows.flatMap((r) =>
      r.preferences
        ? [[r.notification.userId, { muted: new Set(r.preferences.muted), token: r.preferences.token }]]
        : [],
    ),
  );
  for (const [userId, prefs] of made) preferences.set(userId, prefs);
  const mails: EmailJob[] = [];
  for (const { notification: n, campaignName, actorName, recipient: to, offer } of rows) {
    const kind = n.kind as NotificationKind;
    const prefs = preferences.get(n.userId);
    if (to?.status !== 'active' || !prefs) continue;
    // What the platform says about the account or a report is always sent, without an unsubscribe
    // link; every other kind can be muted, and its e-mail unsubscribes from that kind in one click.
    const service = isServiceNotificationKind(kind);
    if (!service && prefs.muted.has(kind)) continue;
    // Every kind is about a campaign but an admin's warning, which is about the account.
    if (!n.campaignId && kind !== 'account_warned') continue;
    const { links, headers } = service
      ? { links: undefined, headers: undefined }
      : unsubscribeFor(ctx.baseUrl, { userId: n.userId, secret: prefs.token }, kind);
    const mail = notificationMail({
      locale: to.locale,
      kind,
      recipientName: to.name,
      actorName: actorName ?? 'BeXtr',
      campaignName: campaignName ?? '',
      reason: offer?.reason ?? null,
      note: n.note,
      url: `${ctx.baseUrl}${targetPath(kind, n.campaignId ?? '', offer?.conversationId ?? null, n.collaborationId, n.reportId)}`,
      ...(links ? { unsubscribe: links } : {}),
    });
    mails.push({ to: to.email, ...mail, ...(headers ? { headers } : {}) });
  }
  await enqueueEmails(tx, mails);
}
