import type { Locale, Notification, Role } from '@bextr/contracts';
import type { Messages } from '../i18n/catalogues.ts';
import { intlTag } from '../i18n/format.ts';

const collaborationKinds = new Set<Notification['kind']>([
  'deliverable_submitted',
  'deliverable_approved',
  'deliverable_changes_requested',
  'collaboration_completed',
  'amendment_proposed',
  'amendment_accepted',
  'amendment_declined',
  'cancel_requested',
  'collaboration_cancelled',
]);

/** The notification as a sentence in the reader's language. */
export function notificationSentence(m: Messages, notification: Notification, role: Role) {
  const t = m.notifications;
  return t.sentences[notification.kind]({
    actor: notification.actorName,
    campaign: notification.campaignName ?? t.aCampaign,
    isBusiness: role === 'business',
    note: notification.note,
  });
}

/** Where a notification leads: the business reviews the campaign's offers; the influencer finds
 * its offers under My offers and invitations on the dashboard. */
export function notificationTarget(notification: Notification, role: Role): string {
  if (notification.kind === 'account_warned') return '/notifications';
  if (notification.kind === 'campaign_unpublished' && notification.campaignId)
    return `/campaigns/${encodeURIComponent(notification.campaignId)}/edit`;
  if (notification.kind === 'review_received' && notification.collaborationId)
    return `/collaborations/${encodeURIComponent(notification.collaborationId)}`;
  // Every step of a collaboration leads to its page.
  if (notification.collaborationId && collaborationKinds.has(notification.kind))
    return `/collaborations/${encodeURIComponent(notification.collaborationId)}`;
  if (notification.reportId && notification.kind.startsWith('report_'))
    return `/reports/${encodeURIComponent(notification.reportId)}`;
  if (role === 'business') {
    return notification.campaignId
      ? `/campaigns/${encodeURIComponent(notification.campaignId)}/offers`
      : '/dashboard';
  }
  if (role === 'influencer') return notification.kind === 'invitation_received' ? '/dashboard' : '/offers';
  return '/dashboard';
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago", "yesterday", "práve teraz" — how long ago, in the UI language. */
export function timeAgo(locale: Locale, iso: string, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(intlTag[locale], { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}
