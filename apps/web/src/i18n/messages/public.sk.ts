import { landingMockContent } from '@bextr/contracts';
import type { publicEn } from './public.en.ts';

/** Slovak strings of the public pages and the admins' FAQ page (same keys as public.en.ts). */
export const publicSk: typeof publicEn = {
  nav: { faq: 'Časté otázky' },
  landing: {
    goToDashboard: 'Prejsť na prehľad',
    haveAccount: 'Už máte účet?',
    signInLink: 'Prihlásiť sa',
    statsUnavailable: 'Aktuálne čísla sa nepodarilo načítať.',
    visualLabel: 'Ilustrácia',
    mock: landingMockContent.sk,
  },
  faq: {
    searchLabel: 'Hľadať v častých otázkach',
    searchPlaceholder: 'Napríklad: barter, poplatky, profil',
    results: (n: number) =>
      n === 1 ? 'Našla sa 1 odpoveď' : n >= 2 && n <= 4 ? `Našli sa ${n} odpovede` : `Našlo sa ${n} odpovedí`,
    noResults: (q: string) => `Žiadna odpoveď nespomína „${q}“. Pošlite nám svoju otázku nižšie.`,
    clearSearch: 'Vymazať hľadanie',
  },
  adminFaq: {
    title: 'Časté otázky',
    lead: 'Odpovedajte na otázky návštevníkov, zverejnite tie dobré a udržiavajte časté otázky v poriadku.',
    queueTab: 'Otázky',
    entriesTab: 'Položky FAQ',
    statusLabel: 'Zobraziť otázky',
    statuses: { new: 'Nové', answered: 'Zodpovedané', dismissed: 'Zamietnuté' },
    empty: {
      new: 'Žiadne nové otázky. Všetko je vybavené.',
      answered: 'Zatiaľ žiadne zodpovedané otázky.',
      dismissed: 'Žiadne zamietnuté otázky.',
    },
    anonymous: 'Anonymný návštevník',
    noEmail: 'bez e-mailu — odpoveď sa neposiela',
    askedIn: (language: string) => `jazyk otázky: ${language}`,
    askedBy: (n: number) =>
      n === 1 ? 'Pýtal sa 1 človek' : n >= 2 && n <= 4 ? `Pýtali sa ${n} ľudia` : `Pýtalo sa ${n} ľudí`,
    emailRecipients: (n: number, answered: boolean) =>
      answered
        ? n === 0
          ? 'odpoveď e-mailom nedostal nikto'
          : n === 1
            ? '1 dostal odpoveď e-mailom'
            : n <= 4
              ? `${n} dostali odpoveď e-mailom`
              : `${n} dostalo odpoveď e-mailom`
        : n === 0
          ? 'odpoveď e-mailom nedostane nikto'
          : n === 1
            ? '1 dostane odpoveď e-mailom'
            : n <= 4
              ? `${n} dostanú odpoveď e-mailom`
              : `${n} dostane odpoveď e-mailom`,
    askersLabel: 'Kto sa pýtal',
    answer: 'Odpoveď',
    answerHint: 'V jazyku otázky. Pošleme ju e-mailom každému, kto sa pýtal a nechal adresu.',
    publish: 'Zverejniť v častých otázkach',
    publishIn: 'Zverejniť v jazyku',
    publishBoth: 'Oba jazyky',
    group: 'Skupina',
    faqQuestion: 'Otázka, ako ju zobrazíme',
    translationQuestion: (language: string) => `Otázka (${language})`,
    translationAnswer: (language: string) => `Odpoveď (${language})`,
    sendAnswer: 'Odoslať odpoveď',
    dismiss: 'Zamietnuť',
    answered: 'Odpoveď bola uložená.',
    answeredAndSent: (n: number) =>
      n === 1
        ? 'Odpoveď bola uložená a posiela sa pýtajúcemu.'
        : `Odpoveď bola uložená a posiela sa ${n} pýtajúcim.`,
    dismissed: 'Otázka bola zamietnutá.',
    yourAnswer: 'Odpoveď',
    publishedIn: (languages: string) => `Zverejnené: ${languages}`,
    loadMore: 'Zobraziť ďalšie',
    language: 'Jazyk',
    newEntry: 'Nová položka',
    editEntry: 'Upraviť položku',
    question: 'Otázka',
    save: 'Uložiť',
    cancel: 'Zrušiť',
    edit: 'Upraviť',
    moveUp: 'Posunúť vyššie',
    moveDown: 'Posunúť nižšie',
    publishEntry: 'Zverejniť',
    unpublish: 'Skryť',
    delete: 'Zmazať',
    confirmDelete: 'Naozaj natrvalo zmazať túto položku?',
    hidden: 'Skrytá',
    entrySaved: 'Položka bola uložená.',
    entryDeleted: 'Položka bola zmazaná.',
    noEntries: 'V tomto jazyku zatiaľ nie sú žiadne položky.',
    entryActions: (question: string) => `Akcie pre „${question}“`,
  },
};
