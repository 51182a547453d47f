/** The parts a notification sentence is built from. `isBusiness`: the reader is the business. */
export interface NotificationParts {
  /** The other side's name; null when the server did not send one. */
  actor: string | null;
  campaign: string;
  isBusiness: boolean;
}

const who = (actor: string | null) => actor ?? 'Someone';

/** English strings of the in-app notifications: the bell and the list. */
export const notificationsEn = {
  bell: 'Notifications',
  bellUnread: (n: number) => `Notifications, ${n} unread`,
  menuItem: 'Notifications',
  menuUnread: (n: number) => `${n} unread`,
  title: 'Notifications',
  lead: 'What happened on your campaigns, offers and invitations.',
  markAllRead: 'Mark all as read',
  allRead: 'All notifications are marked as read.',
  empty: 'No notifications yet. When something happens on your campaigns or offers, you will see it here.',
  unread: 'New',
  more: 'Show more',
  list: 'Your notifications',
  aCampaign: 'a campaign',
  sentences: {
    offer_received: (p: NotificationParts) => `${who(p.actor)} sent an offer on ${p.campaign}`,
    offer_shortlisted: (p: NotificationParts) => `${who(p.actor)} shortlisted your offer on ${p.campaign}`,
    offer_accepted: (p: NotificationParts) => `${who(p.actor)} accepted your offer on ${p.campaign}`,
    offer_rejected: (p: NotificationParts) => `${who(p.actor)} rejected your offer on ${p.campaign}`,
    offer_withdrawn: (p: NotificationParts) => `${who(p.actor)} withdrew their offer on ${p.campaign}`,
    offer_expired: (p: NotificationParts) =>
      p.isBusiness
        ? `The offer ${p.actor ? `from ${p.actor} ` : ''}on ${p.campaign} expired`
        : `Your offer on ${p.campaign} expired because the campaign closed`,
    invitation_received: (p: NotificationParts) =>
      `${who(p.actor)} invited you to send an offer on ${p.campaign}`,
  },
};
