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
  lead: 'Choose which e-mails BeXtr sends you. Everything still shows under Notifications, and e-mails about your account (verification, password, warnings and decisions of the BeXtr team, an unpublished campaign) and about reports you are part of are always sent.',
  groups: {
    offers: 'Offers',
    invitations: 'Invitations',
    collaborations: 'Collaborations',
    messages: 'Messages',
    reviews: 'Reviews',
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
    deliverable_submitted: {
      label: 'Proofs of delivery',
      hint: 'When an influencer sends proof of a deliverable for you to approve.',
      about: 'proofs of delivery',
    },
    deliverable_approved: {
      label: 'Approved deliverables',
      hint: 'When the business approves a deliverable you sent.',
      about: 'approved deliverables',
    },
    deliverable_changes_requested: {
      label: 'Requested changes',
      hint: 'When the business asks you to change a deliverable, with its note.',
      about: 'requested changes',
    },
    collaboration_completed: {
      label: 'Completed collaborations',
      hint: 'When every deliverable is approved.',
      about: 'completed collaborations',
    },
    amendment_proposed: {
      label: 'Proposed changes to an agreement',
      hint: 'When the other side proposes a change of price, dates or deliverables.',
      about: 'proposed changes to your agreements',
    },
    amendment_accepted: {
      label: 'Accepted changes',
      hint: 'When the other side accepts a change you proposed.',
      about: 'accepted changes',
    },
    amendment_declined: {
      label: 'Declined changes',
      hint: 'When the other side declines a change you proposed.',
      about: 'declined changes',
    },
    cancel_requested: {
      label: 'Requests to cancel',
      hint: 'When the other side asks to cancel a collaboration.',
      about: 'requests to cancel',
    },
    collaboration_cancelled: {
      label: 'Cancelled collaborations',
      hint: 'When the other side agrees to cancel a collaboration you asked to cancel.',
      about: 'cancelled collaborations',
    },
    review_received: {
      label: 'Reviews of you',
      hint: 'When the other side of a completed collaboration reviews you.',
      about: 'reviews of you',
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
