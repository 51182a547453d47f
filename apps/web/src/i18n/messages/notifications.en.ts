/** The parts a notification sentence is built from. `isBusiness`: the reader is the business. */
export interface NotificationParts {
  /** The other side's name; null when the server did not send one. */
  actor: string | null;
  campaign: string;
  isBusiness: boolean;
  /** Words that belong to the event (an admin's warning, a reason), when it has some. */
  note?: string | null;
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
    deliverable_submitted: (p: NotificationParts) =>
      `${who(p.actor)} sent proof of a deliverable on ${p.campaign}`,
    deliverable_approved: (p: NotificationParts) => `${who(p.actor)} approved a deliverable on ${p.campaign}`,
    deliverable_changes_requested: (p: NotificationParts) =>
      `${who(p.actor)} asks for changes to a deliverable on ${p.campaign}${p.note ? `: “${p.note}”` : ''}`,
    collaboration_completed: (p: NotificationParts) => `Your collaboration on ${p.campaign} is completed`,
    amendment_proposed: (p: NotificationParts) =>
      `${who(p.actor)} proposes a change to the agreement on ${p.campaign}`,
    amendment_accepted: (p: NotificationParts) =>
      `${who(p.actor)} accepted your change to the agreement on ${p.campaign}`,
    amendment_declined: (p: NotificationParts) =>
      `${who(p.actor)} declined your change to the agreement on ${p.campaign}`,
    cancel_requested: (p: NotificationParts) =>
      `${who(p.actor)} asks to cancel your collaboration on ${p.campaign}`,
    collaboration_cancelled: (p: NotificationParts) => `Your collaboration on ${p.campaign} is cancelled`,
    review_received: (p: NotificationParts) => `${who(p.actor)} reviewed your collaboration on ${p.campaign}`,
    report_opened: (p: NotificationParts) =>
      `${who(p.actor)} reported a problem with your work together on ${p.campaign}`,
    report_updated: (p: NotificationParts) => `The BeXtr team wrote to you about the report on ${p.campaign}`,
    report_resolved: (p: NotificationParts) => `The BeXtr team resolved the report on ${p.campaign}`,
    account_warned: (p: NotificationParts) =>
      p.note ? `The BeXtr team warned you: “${p.note}”` : 'The BeXtr team warned you',
    campaign_unpublished: (p: NotificationParts) =>
      `The BeXtr team unpublished ${p.campaign}${p.note ? `: “${p.note}”` : ''}`,
  },
};
