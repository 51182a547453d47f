import type { Locale, NotificationKind } from '@bextr/contracts';
import { greeting, layout, type MailLink, type RenderedMail } from './templates.ts';

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
  /** Words of the acting side that belong to the event (a changes request, a cancel reason). */
  note?: string | null;
  /** Where the button leads. */
  url: string;
  /** Absent for the e-mails that cannot be muted (account and report notices). */
  unsubscribe?: UnsubscribeLinks;
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
  deliverable_submitted: ({ actorName, campaignName }) => ({
    subject: `${actorName} sent proof of a deliverable for “${campaignName}”`,
    paragraphs: [
      `${actorName} marked a deliverable of your collaboration on “${campaignName}” as done and sent the proof.`,
      'Look at it and approve it, or ask for changes with a note.',
    ],
    button: 'Review the proof',
  }),
  deliverable_approved: ({ actorName, campaignName }) => ({
    subject: `${actorName} approved a deliverable for “${campaignName}”`,
    paragraphs: [`${actorName} approved one of your deliverables for “${campaignName}”.`],
    button: 'Open the collaboration',
  }),
  deliverable_changes_requested: ({ actorName, campaignName, note }) => ({
    subject: `${actorName} asks for changes to a deliverable for “${campaignName}”`,
    paragraphs: [
      `${actorName} looked at your proof for “${campaignName}” and asks for changes.`,
      ...(note ? [`Their note: “${note}”`] : []),
      'Send the proof again once it is changed.',
    ],
    button: 'Open the collaboration',
  }),
  collaboration_completed: ({ actorName, campaignName }) => ({
    subject: `Your collaboration on “${campaignName}” is completed`,
    paragraphs: [
      `Every deliverable of your collaboration with ${actorName} on “${campaignName}” is approved: it is completed.`,
      'Thank you! You can now leave a review of the other side.',
    ],
    button: 'Open the collaboration',
  }),
  amendment_proposed: ({ actorName, campaignName, note }) => ({
    subject: `${actorName} proposes a change to your agreement on “${campaignName}”`,
    paragraphs: [
      `${actorName} proposes a change to the terms of your collaboration on “${campaignName}”.`,
      ...(note ? [`Their note: “${note}”`] : []),
      'Accept it or decline it on the collaboration page.',
    ],
    button: 'See the proposal',
  }),
  amendment_accepted: ({ actorName, campaignName }) => ({
    subject: `${actorName} accepted your change to “${campaignName}”`,
    paragraphs: [
      `${actorName} accepted the change you proposed; the agreement on “${campaignName}” now holds it.`,
    ],
    button: 'Open the collaboration',
  }),
  amendment_declined: ({ actorName, campaignName }) => ({
    subject: `${actorName} declined your change to “${campaignName}”`,
    paragraphs: [
      `${actorName} declined the change you proposed to the agreement on “${campaignName}”; the terms stay as they were.`,
    ],
    button: 'Open the collaboration',
  }),
  cancel_requested: ({ actorName, campaignName, note }) => ({
    subject: `${actorName} asks to cancel your collaboration on “${campaignName}”`,
    paragraphs: [
      `${actorName} would like to cancel your collaboration on “${campaignName}”.`,
      ...(note ? [`Their reason: “${note}”`] : []),
      'It is cancelled only if you agree. If you do not, talk it over in the thread.',
    ],
    button: 'Open the collaboration',
  }),
  collaboration_cancelled: ({ actorName, campaignName }) => ({
    subject: `Your collaboration on “${campaignName}” is cancelled`,
    paragraphs: [`${actorName} agreed to your request: the collaboration on “${campaignName}” is cancelled.`],
    button: 'Open the collaboration',
  }),
  review_received: ({ actorName, campaignName }) => ({
    subject: `${actorName} reviewed your collaboration on “${campaignName}”`,
    paragraphs: [
      `${actorName} left a review of your work together on “${campaignName}”.`,
      'It now shows on your profile. If you have not reviewed them yet, you can do so on the collaboration page.',
    ],
    button: 'See the review',
  }),
  report_opened: ({ actorName, campaignName }) => ({
    subject: `${actorName} reported a problem with “${campaignName}”`,
    paragraphs: [
      `${actorName} reported a problem with your work together on “${campaignName}” to the BeXtr team.`,
      'Read the report and tell the team your side of it; they will look into it before deciding anything.',
    ],
    button: 'Read the report',
  }),
  report_updated: ({ campaignName }) => ({
    subject: `The BeXtr team wrote about the report on “${campaignName}”`,
    paragraphs: [`The BeXtr team wrote you a message about the report on “${campaignName}”.`],
    button: 'Read the message',
  }),
  report_resolved: ({ campaignName, note }) => ({
    subject: `The report on “${campaignName}” is resolved`,
    paragraphs: [
      `The BeXtr team has resolved the report on “${campaignName}”.`,
      ...(note ? [`Their note: “${note}”`] : []),
    ],
    button: 'See the outcome',
  }),
  account_warned: ({ note }) => ({
    subject: 'A warning from the BeXtr team',
    paragraphs: [
      'the BeXtr team is warning you about how your account is used:',
      ...(note ? [`“${note}”`] : []),
      'Please keep to the agreements you make and to the rules of BeXtr. If it happens again, your account may be suspended.',
    ],
    button: 'See your notifications',
  }),
  campaign_unpublished: ({ campaignName, note }) => ({
    subject: `Your campaign “${campaignName}” was unpublished`,
    paragraphs: [
      `the BeXtr team unpublished your campaign “${campaignName}”; it is paused and influencers no longer see it.`,
      ...(note ? [`The reason: “${note}”`] : []),
      'Edit the campaign to fix this and save it; then you can resume it. Offers you already have stay as they are.',
    ],
    button: 'Edit the campaign',
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
  deliverable_submitted: ({ actorName, campaignName }) => ({
    subject: `Nový dôkaz o splnení výstupu pre „${campaignName}“ od ${actorName}`,
    paragraphs: [
      `od ${actorName} prišiel dôkaz o splnení výstupu vašej spolupráce na kampani „${campaignName}“.`,
      'Pozrite si ho a schváľte ho, alebo požiadajte o úpravy s poznámkou.',
    ],
    button: 'Pozrieť dôkaz',
  }),
  deliverable_approved: ({ actorName, campaignName }) => ({
    subject: `Firma ${actorName} schválila výstup pre „${campaignName}“`,
    paragraphs: [`firma ${actorName} schválila jeden z vašich výstupov pre kampaň „${campaignName}“.`],
    button: 'Otvoriť spoluprácu',
  }),
  deliverable_changes_requested: ({ actorName, campaignName, note }) => ({
    subject: `Firma ${actorName} žiada úpravy výstupu pre „${campaignName}“`,
    paragraphs: [
      `firma ${actorName} si pozrela váš dôkaz pre kampaň „${campaignName}“ a žiada úpravy.`,
      ...(note ? [`Jej poznámka: „${note}“`] : []),
      'Po úprave pošlite dôkaz znova.',
    ],
    button: 'Otvoriť spoluprácu',
  }),
  collaboration_completed: ({ actorName, campaignName }) => ({
    subject: `Vaša spolupráca na „${campaignName}“ je dokončená`,
    paragraphs: [
      `všetky výstupy vašej spolupráce s ${actorName} na kampani „${campaignName}“ sú schválené: spolupráca je dokončená.`,
      'Ďakujeme! Teraz môžete ohodnotiť druhú stranu.',
    ],
    button: 'Otvoriť spoluprácu',
  }),
  amendment_proposed: ({ actorName, campaignName, note }) => ({
    subject: `${actorName} navrhuje zmenu dohody o „${campaignName}“`,
    paragraphs: [
      `${actorName} navrhuje zmenu podmienok vašej spolupráce na kampani „${campaignName}“.`,
      ...(note ? [`Poznámka: „${note}“`] : []),
      'Na stránke spolupráce ju môžete prijať alebo odmietnuť.',
    ],
    button: 'Pozrieť návrh',
  }),
  amendment_accepted: ({ actorName, campaignName }) => ({
    subject: `Vaša zmena dohody o „${campaignName}“ bola prijatá`,
    paragraphs: [
      `druhá strana (${actorName}) prijala zmenu, ktorú ste navrhli; dohoda o kampani „${campaignName}“ ju už obsahuje.`,
    ],
    button: 'Otvoriť spoluprácu',
  }),
  amendment_declined: ({ actorName, campaignName }) => ({
    subject: `Vaša zmena dohody o „${campaignName}“ nebola prijatá`,
    paragraphs: [
      `druhá strana (${actorName}) odmietla zmenu, ktorú ste navrhli k dohode o kampani „${campaignName}“; podmienky zostávajú bez zmeny.`,
    ],
    button: 'Otvoriť spoluprácu',
  }),
  cancel_requested: ({ actorName, campaignName, note }) => ({
    subject: `${actorName} žiada zrušiť vašu spoluprácu na „${campaignName}“`,
    paragraphs: [
      `${actorName} chce zrušiť vašu spoluprácu na kampani „${campaignName}“.`,
      ...(note ? [`Dôvod: „${note}“`] : []),
      'Spolupráca sa zruší, len ak s tým súhlasíte. Ak nie, dohodnite sa v konverzácii.',
    ],
    button: 'Otvoriť spoluprácu',
  }),
  collaboration_cancelled: ({ actorName, campaignName }) => ({
    subject: `Vaša spolupráca na „${campaignName}“ je zrušená`,
    paragraphs: [
      `druhá strana (${actorName}) súhlasila s vašou žiadosťou: spolupráca na kampani „${campaignName}“ je zrušená.`,
    ],
    button: 'Otvoriť spoluprácu',
  }),
  review_received: ({ actorName, campaignName }) => ({
    subject: `Nová recenzia od ${actorName} ku kampani „${campaignName}“`,
    paragraphs: [
      `k vašej spolupráci na kampani „${campaignName}“ pribudla recenzia od ${actorName}.`,
      'Recenzia je už na vašom profile. Ak ste druhú stranu ešte neohodnotili, môžete tak urobiť na stránke spolupráce.',
    ],
    button: 'Pozrieť recenziu',
  }),
  report_opened: ({ actorName, campaignName }) => ({
    subject: `${actorName} nahlásil(a) problém s „${campaignName}“`,
    paragraphs: [
      `${actorName} nahlásil(a) tímu BeXtr problém s vašou spoluprácou na kampani „${campaignName}“.`,
      'Prečítajte si nahlásenie a napíšte tímu svoj pohľad; pred akýmkoľvek rozhodnutím vec preverí.',
    ],
    button: 'Prečítať nahlásenie',
  }),
  report_updated: ({ campaignName }) => ({
    subject: `Tím BeXtr vám napísal k nahláseniu o „${campaignName}“`,
    paragraphs: [`tím BeXtr vám poslal správu k nahláseniu o kampani „${campaignName}“.`],
    button: 'Prečítať správu',
  }),
  report_resolved: ({ campaignName, note }) => ({
    subject: `Nahlásenie o „${campaignName}“ je uzavreté`,
    paragraphs: [
      `tím BeXtr uzavrel nahlásenie o kampani „${campaignName}“.`,
      ...(note ? [`Poznámka tímu: „${note}“`] : []),
    ],
    button: 'Pozrieť výsledok',
  }),
  account_warned: ({ note }) => ({
    subject: 'Upozornenie od tímu BeXtr',
    paragraphs: [
      'tím BeXtr vás upozorňuje na spôsob, akým používate svoj účet:',
      ...(note ? [`„${note}“`] : []),
      'Dodržiavajte, prosím, dohody, ktoré uzavriete, a pravidlá BeXtr. Ak sa to zopakuje, váš účet môže byť pozastavený.',
    ],
    button: 'Pozrieť upozornenia',
  }),
  campaign_unpublished: ({ campaignName, note }) => ({
    subject: `Vaša kampaň „${campaignName}“ bola stiahnutá`,
    paragraphs: [
      `tím BeXtr stiahol vašu kampaň „${campaignName}“; je pozastavená a influenceri ju už nevidia.`,
      ...(note ? [`Dôvod: „${note}“`] : []),
      'Upravte kampaň tak, aby problém odstránila, a uložte ju; potom ju môžete znova spustiť. Ponuky, ktoré už máte, zostávajú tak, ako sú.',
    ],
    button: 'Upraviť kampaň',
  }),
};

/** The e-mail of one in-app notification, in the recipient's language. */
export function notificationMail(input: NotificationMailInput): RenderedMail {
  const words = (input.locale === 'sk' ? sk : en)[input.kind](input);
  return layout({
    locale: input.locale,
    subject: words.subject,
    greeting: greeting(input.locale, input.recipientName),
    paragraphs: words.paragraphs,
    action: { label: words.button, url: input.url },
    ...(input.unsubscribe ? { unsubscribe: input.unsubscribe } : {}),
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
