import type { EmailKind } from '@bextr/contracts';

/** How one kind of e-mail is named: `label` on its switch, `hint` under it, and `about` in the
 * sentence "You will no longer get e-mails about …" of the unsubscribe page. */
export interface EmailKindWords {
  label: string;
  hint: string;
  about: string;
}

/** English strings of the e-mail preferences (settings) and the unsubscribe page. */
export const emailPreferencesEn = {
  title: 'E-mail notifications',
  lead: 'Choose which e-mails BeXtr sends you. Everything still shows under Notifications, and e-mails about your account itself (verification, password) are always sent.',
  groups: {
    offers: 'Offers',
    invitations: 'Invitations',
    messages: 'Messages',
  },
  kinds: {
    offer_received: {
      label: 'New offers',
      hint: 'When an influencer sends an offer on one of your campaigns.',
      about: 'new offers on your campaigns',
    },
    offer_withdrawn: {
      label: 'Withdrawn offers',
      hint: 'When an influencer withdraws an offer they sent you.',
      about: 'withdrawn offers',
    },
    offer_shortlisted: {
      label: 'Shortlisted offers',
      hint: 'When a business puts your offer on its shortlist.',
      about: 'shortlisted offers',
    },
    offer_accepted: {
      label: 'Accepted offers',
      hint: 'When a business accepts your offer and the collaboration can start.',
      about: 'accepted offers',
    },
    offer_rejected: {
      label: 'Rejected offers',
      hint: 'When a business turns your offer down, with its reason if it gave one.',
      about: 'rejected offers',
    },
    offer_expired: {
      label: 'Expired offers',
      hint: 'When a campaign closes before the business decided on your offer.',
      about: 'expired offers',
    },
    invitation_received: {
      label: 'Invitations to campaigns',
      hint: 'When a business invites you to send an offer on its campaign.',
      about: 'invitations to campaigns',
    },
    new_messages: {
      label: 'New messages',
      hint: 'Unread messages, gathered into one e-mail a few minutes after they arrive.',
      about: 'new messages',
    },
  } satisfies Record<EmailKind, EmailKindWords>,
  /** The notifications page's link to these settings. */
  settingsLink: 'Choose which of these also come by e-mail',
  saving: 'Saving…',
  saved: 'Your e-mail preferences are saved.',
  saveFailed: (label: string, reason: string) =>
    `“${label}” could not be saved and is back as it was. ${reason}`,
  unsubscribe: {
    title: 'Unsubscribe',
    working: 'Turning these e-mails off…',
    doneTitle: 'You are unsubscribed',
    doneText: (about: string) => `You will no longer get e-mails about ${about}.`,
    changeBack: 'You can turn them back on in your settings at any time.',
    openSettings: 'E-mail settings',
    signInToSettings: 'Sign in to your settings',
    failedTitle: 'We could not unsubscribe you',
    incomplete: 'This link is incomplete. Open the link from the e-mail again.',
    invalid: 'This unsubscribe link is invalid or has expired.',
    settingsInstead: 'You can still turn any e-mail off in your settings.',
  },
};
