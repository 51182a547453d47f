import type { inboxEn } from './inbox.en.ts';

/** 1 obrázok, 2–4 obrázky, 5 a viac obrázkov. */
const images = (n: number) => (n === 1 ? '1 obrázok' : n >= 2 && n <= 4 ? `${n} obrázky` : `${n} obrázkov`);

/** Slovak strings of the inbox, the threads and live delivery. */
export const inboxSk: typeof inboxEn = {
  nav: 'Správy',
  navUnread: (n: number) => `Správy, neprečítané: ${n}`,
  messagesLink: 'Správy',
  messagesLinkNamed: (name: string) => `Správy: ${name}`,
  live: {
    reconnecting: 'Obnovuje sa spojenie… nové správy môžu prísť s oneskorením.',
  },
  list: {
    title: 'Správy',
    lead: 'Vaše konverzácie s druhou stranou každej ponuky, najnovšia aktivita navrchu.',
    label: 'Vaše konverzácie',
    empty:
      'Zatiaľ žiadne konverzácie. Konverzácia sa otvorí s každou ponukou: pošlite ponuku na kampaň alebo počkajte, kým influenceri pošlú ponuky na vaše kampane.',
    emptyInfluencerCta: 'Nájsť kampane',
    emptyBusinessCta: 'Váš prehľad',
    you: (text: string) => `Vy: ${text}`,
    images,
    noMessages: 'Zatiaľ bez správ — konverzáciu otvorila ponuka.',
    unread: (n: number) => `neprečítané: ${n}`,
    loadMore: 'Načítať ďalšie konverzácie',
  },
  thread: {
    title: (name: string) => `Konverzácia: ${name}`,
    backToInbox: 'Späť na správy',
    campaign: 'Kampaň',
    profileOf: (name: string) => `Profil: ${name}`,
    pageOf: (name: string) => `Stránka: ${name}`,
    logLabel: (name: string) => `Konverzácia: ${name}`,
    loadEarlier: 'Načítať staršie správy',
    today: 'Dnes',
    yesterday: 'Včera',
    you: 'Vy',
    pitchTitle: 'Text ponuky',
    sending: 'Odosiela sa…',
    sent: 'Odoslané',
    seen: 'Zobrazené',
    notSent: 'Neodoslané.',
    retry: 'Skúsiť znova',
    discard: 'Zahodiť',
    newMessages: 'Nové správy ↓',
    newMessageFrom: (name: string, text: string) => `Nová správa – ${name}: ${text}`,
    attachment: (n: number, total: number) => `Obrázok ${n} z ${total}, otvorí sa v plnej veľkosti`,
    notFound: 'Táto konverzácia neexistuje alebo nie je vaša.',
  },
  composer: {
    label: 'Správa',
    placeholder: 'Napíšte správu…',
    hint: 'Enter odošle, Shift+Enter začne nový riadok.',
    send: 'Odoslať',
    attach: 'Priložiť obrázok',
    attachedLimit: (max: number) => `Priložiť môžete najviac ${max} obrázkov.`,
    attachments: 'Priložené obrázky',
    remove: (n: number) => `Odstrániť obrázok ${n}`,
    counter: (used: string, max: string) => `${used} / ${max} znakov`,
    uploading: 'Počkajte, kým sa obrázok nahrá.',
  },
  offer: {
    title: 'Ponuka',
    deliverables: 'Navrhované výstupy',
    price: 'Navrhovaná cena',
    barter: 'Barter',
    publishDate: 'Navrhovaný dátum zverejnenia',
    none: 'Nenavrhnuté',
    review: 'Posúdiť ponuky na túto kampaň',
    myOffers: 'Prejsť na Moje ponuky',
  },
};
