import type { emailPreferencesEn } from './email-preferences.en.ts';

/** Slovak strings of the e-mail preferences and the unsubscribe page. `about` is in the locative
 * case: "Už vám nebudeme posielať e-maily o …". */
export const emailPreferencesSk: typeof emailPreferencesEn = {
  title: 'E-mailové upozornenia',
  lead: 'Vyberte si, ktoré e-maily vám BeXtr posiela. V Upozorneniach uvidíte všetko aj naďalej a e-maily o vašom účte (overenie, heslo, upozornenia a rozhodnutia tímu BeXtr, zrušené zverejnenie kampane) a o nahláseniach, ktorých sa týkate, posielame vždy.',
  groups: {
    offers: 'Ponuky',
    invitations: 'Pozvánky',
    collaborations: 'Spolupráce',
    messages: 'Správy',
    reviews: 'Recenzie',
  },
  kinds: {
    offer_received: {
      label: 'Nové ponuky',
      hint: 'Keď influencer pošle ponuku na niektorú z vašich kampaní.',
      about: 'nových ponukách na vaše kampane',
    },
    offer_withdrawn: {
      label: 'Stiahnuté ponuky',
      hint: 'Keď influencer stiahne ponuku, ktorú vám poslal.',
      about: 'stiahnutých ponukách',
    },
    offer_shortlisted: {
      label: 'Ponuky v užšom výbere',
      hint: 'Keď firma zaradí vašu ponuku do užšieho výberu.',
      about: 'ponukách zaradených do užšieho výberu',
    },
    offer_accepted: {
      label: 'Prijaté ponuky',
      hint: 'Keď firma prijme vašu ponuku a spolupráca sa môže začať.',
      about: 'prijatých ponukách',
    },
    offer_rejected: {
      label: 'Zamietnuté ponuky',
      hint: 'Keď firma vašu ponuku zamietne, aj s dôvodom, ak ho uviedla.',
      about: 'zamietnutých ponukách',
    },
    offer_expired: {
      label: 'Ponuky, ktoré vypršali',
      hint: 'Keď sa kampaň uzavrie skôr, než firma o vašej ponuke rozhodne.',
      about: 'ponukách, ktoré vypršali',
    },
    invitation_received: {
      label: 'Pozvánky do kampaní',
      hint: 'Keď vás firma pozve poslať ponuku na svoju kampaň.',
      about: 'pozvánkach do kampaní',
    },
    deliverable_submitted: {
      label: 'Dôkazy o splnení',
      hint: 'Keď influencer pošle dôkaz o splnení výstupu na schválenie.',
      about: 'dôkazoch o splnení',
    },
    deliverable_approved: {
      label: 'Schválené výstupy',
      hint: 'Keď firma schváli výstup, ktorý ste poslali.',
      about: 'schválených výstupoch',
    },
    deliverable_changes_requested: {
      label: 'Žiadosti o úpravy',
      hint: 'Keď vás firma požiada o úpravu výstupu, aj s jej poznámkou.',
      about: 'žiadostiach o úpravy',
    },
    collaboration_completed: {
      label: 'Dokončené spolupráce',
      hint: 'Keď sú schválené všetky výstupy.',
      about: 'dokončených spoluprácach',
    },
    amendment_proposed: {
      label: 'Návrhy zmien dohody',
      hint: 'Keď druhá strana navrhne zmenu ceny, termínov alebo výstupov.',
      about: 'návrhoch zmien vašich dohôd',
    },
    amendment_accepted: {
      label: 'Prijaté zmeny',
      hint: 'Keď druhá strana prijme zmenu, ktorú ste navrhli.',
      about: 'prijatých zmenách',
    },
    amendment_declined: {
      label: 'Odmietnuté zmeny',
      hint: 'Keď druhá strana odmietne zmenu, ktorú ste navrhli.',
      about: 'odmietnutých zmenách',
    },
    cancel_requested: {
      label: 'Žiadosti o zrušenie',
      hint: 'Keď druhá strana požiada o zrušenie spolupráce.',
      about: 'žiadostiach o zrušenie',
    },
    collaboration_cancelled: {
      label: 'Zrušené spolupráce',
      hint: 'Keď druhá strana súhlasí so zrušením spolupráce, o ktoré ste požiadali.',
      about: 'zrušených spoluprácach',
    },
    review_received: {
      label: 'Recenzie o vás',
      hint: 'Keď vás druhá strana dokončenej spolupráce ohodnotí.',
      about: 'recenziách o vás',
    },
    new_messages: {
      label: 'Nové správy',
      hint: 'Neprečítané správy, zhrnuté do jedného e-mailu niekoľko minút po ich doručení.',
      about: 'nových správach',
    },
  },
  /** The notifications page's link to these settings. */
  settingsLink: 'Vyberte si, ktoré z nich chodia aj e-mailom',
  saving: 'Ukladá sa…',
  saved: 'Vaše nastavenia e-mailov sú uložené.',
  saveFailed: (label: string, reason: string) =>
    `Nastavenie „${label}“ sa nepodarilo uložiť, a tak zostáva ako predtým. ${reason}`,
  unsubscribe: {
    title: 'Zrušenie odberu',
    working: 'Rušíme odber…',
    doneTitle: 'Odber je zrušený',
    doneText: (about: string) => `Už vám nebudeme posielať e-maily o ${about}.`,
    changeBack: 'V nastaveniach ich môžete kedykoľvek znova zapnúť.',
    openSettings: 'Nastavenia e-mailov',
    signInToSettings: 'Prihlásiť sa do nastavení',
    failedTitle: 'Odber sa nepodarilo zrušiť',
    incomplete: 'Tento odkaz je neúplný. Otvorte odkaz z e-mailu znova.',
    invalid: 'Tento odkaz na zrušenie odberu je neplatný alebo mu vypršala platnosť.',
    settingsInstead: 'Akýkoľvek e-mail si môžete vypnúť aj v nastaveniach.',
  },
};
