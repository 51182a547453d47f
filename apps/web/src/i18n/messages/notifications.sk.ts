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
  },
};
