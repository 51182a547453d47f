import type { Locale, NotificationKind } from '@bextr/contracts';
import { layout, type MailLink, type RenderedMail } from './templates.ts';

/** The footer's one-click unsubscribe link (this kind only) and the settings page (every kind). */
export interface UnsubscribeLinks {
  url: string;
  settingsUrl: string;
}

export interface NotificationMailInput {
  locale: Locale;
  kind: NotificationKind;
  recipientName: string;
  /** The other side: the company's or the influencer's display name. */
  actorName: string;
  campaignName: string;
  /** The reason the business gave for a rejection (offer_rejected). */
  reason?: string | null;
  /** Where the button leads. */
  url: string;
  unsubscribe: UnsubscribeLinks;
}

interface Words {
  subject: string;
  paragraphs: string[];
  button: string;
}

type Texts = (i: NotificationMailInput) => Words;

const en: Record<NotificationKind, Texts> = {
  offer_received: ({ actorName, campaignName }) => ({
    subject: `New offer from ${actorName} for “${campaignName}”`,
    paragraphs: [
      `${actorName} sent an offer for your campaign “${campaignName}”.`,
      'Review it beside the other offers: shortlist it, accept it or decline it.',
    ],
    button: 'Review the offers',
  }),
  offer_shortlisted: ({ actorName, campaignName }) => ({
    subject: `Your offer for “${campaignName}” is on the shortlist`,
    paragraphs: [
      `${actorName} put your offer for “${campaignName}” on the shortlist.`,
      'They have not decided yet; the thread is the place for any questions.',
    ],
    button: 'Open the thread',
  }),
  offer_accepted: ({ actorName, campaignName }) => ({
    subject: `${actorName} accepted your offer for “${campaignName}”`,
    paragraphs: [
      `congratulations! ${actorName} accepted your offer for “${campaignName}”.`,
      'Agree on the details in the thread.',
    ],
    button: 'Open the thread',
  }),
  offer_rejected: ({ actorName, campaignName, reason }) => ({
    subject: `Your offer for “${campaignName}” was declined`,
    paragraphs: [
      `${actorName} declined your offer for “${campaignName}” this time.`,
      ...(reason ? [`Their reason: “${reason}”`] : []),
      'Other campaigns are waiting for your offers.',
    ],
    button: 'See my offers',
  }),
  offer_withdrawn: ({ actorName, campaignName }) => ({
    subject: `${actorName} withdrew their offer for “${campaignName}”`,
    paragraphs: [`${actorName} withdrew their offer for your campaign “${campaignName}”.`],
    button: 'Review the offers',
  }),
  offer_expired: ({ actorName, campaignName }) => ({
    subject: `Your offer for “${campaignName}” expired`,
    paragraphs: [
      `${actorName} closed the campaign “${campaignName}” before deciding on your offer, so it expired.`,
    ],
    button: 'See my offers',
  }),
  invitation_received: ({ actorName, campaignName }) => ({
    subject: `${actorName} invites you to “${campaignName}”`,
    paragraphs: [`${actorName} would like an offer from you for the campaign “${campaignName}”.`],
    button: 'See the campaign',
  }),
};

const sk: Record<NotificationKind, Texts> = {
  offer_received: ({ actorName, campaignName }) => ({
    subject: `Nová ponuka od ${actorName} na „${campaignName}“`,
    paragraphs: [
      `na vašu kampaň „${campaignName}“ prišla nová ponuka od ${actorName}.`,
      'Porovnajte ju s ostatnými ponukami: zaraďte ju do užšieho výberu, prijmite ju alebo odmietnite.',
    ],
    button: 'Pozrieť ponuky',
  }),
  offer_shortlisted: ({ actorName, campaignName }) => ({
    subject: `Vaša ponuka na „${campaignName}“ je v užšom výbere`,
    paragraphs: [
      `firma ${actorName} zaradila vašu ponuku na kampaň „${campaignName}“ do užšieho výberu.`,
      'Zatiaľ nerozhodla; prípadné otázky si vyjasnite v konverzácii.',
    ],
    button: 'Otvoriť konverzáciu',
  }),
  offer_accepted: ({ actorName, campaignName }) => ({
    subject: `Vaša ponuka na „${campaignName}“ bola prijatá`,
    paragraphs: [
      `gratulujeme! Firma ${actorName} prijala vašu ponuku na kampaň „${campaignName}“.`,
      'Podrobnosti si dohodnite v konverzácii.',
    ],
    button: 'Otvoriť konverzáciu',
  }),
  offer_rejected: ({ actorName, campaignName, reason }) => ({
    subject: `Vaša ponuka na „${campaignName}“ nebola prijatá`,
    paragraphs: [
      `firma ${actorName} tentoraz vašu ponuku na kampaň „${campaignName}“ neprijala.`,
      ...(reason ? [`Dôvod: „${reason}“`] : []),
      'Na vaše ponuky čakajú ďalšie kampane.',
    ],
    button: 'Moje ponuky',
  }),
  offer_withdrawn: ({ actorName, campaignName }) => ({
    subject: `Ponuka od ${actorName} na „${campaignName}“ bola stiahnutá`,
    paragraphs: [`ponuka od ${actorName} na vašu kampaň „${campaignName}“ bola stiahnutá.`],
    button: 'Pozrieť ponuky',
  }),
  offer_expired: ({ actorName, campaignName }) => ({
    subject: `Vaša ponuka na „${campaignName}“ vypršala`,
    paragraphs: [
      `firma ${actorName} uzavrela kampaň „${campaignName}“ skôr, než o vašej ponuke rozhodla, preto ponuka vypršala.`,
    ],
    button: 'Moje ponuky',
  }),
  invitation_received: ({ actorName, campaignName }) => ({
    subject: `Pozvánka od ${actorName} do kampane „${campaignName}“`,
    paragraphs: [`firma ${actorName} vás pozýva poslať ponuku na kampaň „${campaignName}“.`],
    button: 'Pozrieť kampaň',
  }),
};

const greeting = (locale: Locale, name: string) =>
  locale === 'sk' ? `Dobrý deň, ${name},` : `Hello ${name},`;

/** The e-mail of one in-app notification, in the recipient's language. */
export function notificationMail(input: NotificationMailInput): RenderedMail {
  const words = (input.locale === 'sk' ? sk : en)[input.kind](input);
  return layout({
    locale: input.locale,
    subject: words.subject,
    greeting: greeting(input.locale, input.recipientName),
    paragraphs: words.paragraphs,
    action: { label: words.button, url: input.url },
    unsubscribe: input.unsubscribe,
  });
}

/** One thread with messages the recipient has not read. */
export interface UnreadThread {
  otherName: string;
  campaignName: string;
  count: number;
  /** The first characters of the newest unread message. */
  preview: string;
  url: string;
}

/** "1 new message", "3 nové správy", "5 nových správ". */
export function messagesCount(locale: Locale, n: number): string {
  if (locale === 'en') return `${n} new message${n === 1 ? '' : 's'}`;
  if (n === 1) return '1 nová správa';
  return n >= 2 && n <= 4 ? `${n} nové správy` : `${n} nových správ`;
}

/** The batched e-mail about unread messages: one line per thread, each with its link. */
export function unreadMessagesMail(
  locale: Locale,
  opts: { recipientName: string; threads: UnreadThread[]; inboxUrl: string; unsubscribe: UnsubscribeLinks },
): RenderedMail {
  const total = opts.threads.reduce((sum, t) => sum + t.count, 0);
  const sk = locale === 'sk';
  const items = opts.threads.map((t) => {
    const link: MailLink = { label: sk ? 'Otvoriť konverzáciu' : 'Open the thread', url: t.url };
    const preview = !t.preview ? '' : sk ? `: „${t.preview}“` : `: “${t.preview}”`;
    return { text: `${t.otherName} · ${t.campaignName} — ${messagesCount(locale, t.count)}${preview}`, link };
  });
  return layout({
    locale,
    subject: sk
      ? `Máte ${total === 1 ? 'novú správu' : messagesCount(locale, total)} v BeXtr`
      : `You have ${messagesCount(locale, total)} on BeXtr`,
    greeting: greeting(locale, opts.recipientName),
    paragraphs: [
      sk
        ? 'v týchto konverzáciách na vás čakajú neprečítané správy:'
        : 'these threads have messages you have not read yet:',
    ],
    items,
    action: { label: sk ? 'Otvoriť správy' : 'Open the inbox', url: opts.inboxUrl },
    unsubscribe: opts.unsubscribe,
  });
}
