import type { NotificationParts, notificationsEn } from './notifications.en.ts';

const who = (actor: string | null) => actor ?? 'Niekto';
/** "Firma X" — the verb then agrees with the feminine "firma", whatever the company is called. */
const firm = (actor: string | null) => (actor ? `Firma ${actor}` : 'Firma');

/** Slovak strings of the in-app notifications. Past-tense verbs in Slovak follow the actor's
 * gender, which we do not know: the sentences use the present tense, or a verb that agrees with
 * "firma" or "ponuka" instead. */
export const notificationsSk: typeof notificationsEn = {
  bell: 'Upozornenia',
  bellUnread: (n: number) => `Upozornenia, neprečítané: ${n}`,
  menuItem: 'Upozornenia',
  menuUnread: (n: number) => `neprečítané: ${n}`,
  title: 'Upozornenia',
  lead: 'Čo sa stalo vo vašich kampaniach, ponukách a pozvánkach.',
  markAllRead: 'Označiť všetky ako prečítané',
  allRead: 'Všetky upozornenia sú označené ako prečítané.',
  empty: 'Zatiaľ žiadne upozornenia. Keď sa niečo stane vo vašich kampaniach alebo ponukách, uvidíte to tu.',
  unread: 'Nové',
  more: 'Zobraziť ďalšie',
  list: 'Vaše upozornenia',
  aCampaign: '(bez názvu)',
  sentences: {
    offer_received: (p: NotificationParts) => `${who(p.actor)} posiela ponuku na kampaň ${p.campaign}`,
    offer_shortlisted: (p: NotificationParts) =>
      `${firm(p.actor)} zaradila vašu ponuku na kampaň ${p.campaign} do užšieho výberu`,
    offer_accepted: (p: NotificationParts) => `${firm(p.actor)} prijala vašu ponuku na kampaň ${p.campaign}`,
    offer_rejected: (p: NotificationParts) => `${firm(p.actor)} zamietla vašu ponuku na kampaň ${p.campaign}`,
    offer_withdrawn: (p: NotificationParts) => `${who(p.actor)} sťahuje svoju ponuku na kampaň ${p.campaign}`,
    offer_expired: (p: NotificationParts) =>
      p.isBusiness
        ? `Ponuka na kampaň ${p.campaign} vypršala${p.actor ? ` (${who(p.actor)})` : ''}`
        : `Vaša ponuka na kampaň ${p.campaign} vypršala, pretože kampaň sa skončila`,
    invitation_received: (p: NotificationParts) =>
      `${firm(p.actor)} vás pozýva poslať ponuku na kampaň ${p.campaign}`,
    deliverable_submitted: (p: NotificationParts) =>
      `Nový dôkaz o splnení výstupu od ${who(p.actor)} ku kampani ${p.campaign}`,
    deliverable_approved: (p: NotificationParts) =>
      `${firm(p.actor)} schvaľuje váš výstup pre kampaň ${p.campaign}`,
    deliverable_changes_requested: (p: NotificationParts) =>
      `${firm(p.actor)} žiada úpravy výstupu pre kampaň ${p.campaign}${p.note ? `: „${p.note}“` : ''}`,
    collaboration_completed: (p: NotificationParts) =>
      `Vaša spolupráca na kampani ${p.campaign} je dokončená`,
    amendment_proposed: (p: NotificationParts) =>
      `${who(p.actor)} navrhuje zmenu dohody o kampani ${p.campaign}`,
    amendment_accepted: (p: NotificationParts) => `Vaša zmena dohody o kampani ${p.campaign} je prijatá`,
    amendment_declined: (p: NotificationParts) => `Vaša zmena dohody o kampani ${p.campaign} nie je prijatá`,
    cancel_requested: (p: NotificationParts) =>
      `${who(p.actor)} žiada zrušiť vašu spoluprácu na kampani ${p.campaign}`,
    collaboration_cancelled: (p: NotificationParts) => `Vaša spolupráca na kampani ${p.campaign} je zrušená`,
    review_received: (p: NotificationParts) =>
      `Nová recenzia od ${who(p.actor)} k spolupráci na kampani ${p.campaign}`,
    report_opened: (p: NotificationParts) =>
      `${who(p.actor)} hlási tímu BeXtr problém s vašou spoluprácou na kampani ${p.campaign}`,
    report_updated: (p: NotificationParts) => `Tím BeXtr vám píše k nahláseniu o kampani ${p.campaign}`,
    report_resolved: (p: NotificationParts) => `Tím BeXtr uzavrel nahlásenie o kampani ${p.campaign}`,
    account_warned: (p: NotificationParts) =>
      p.note ? `Tím BeXtr vás upozorňuje: „${p.note}“` : 'Tím BeXtr vás upozorňuje',
    campaign_unpublished: (p: NotificationParts) =>
      `Tím BeXtr stiahol kampaň ${p.campaign}${p.note ? `: „${p.note}“` : ''}`,
  },
};
