import { adminSk } from './admin.sk.ts';
import { businessSk } from './business.sk.ts';
import { campaignsSk } from './campaigns.sk.ts';
import { collaborationsSk } from './collaborations.sk.ts';
import { emailPreferencesSk } from './email-preferences.sk.ts';
import type { Messages } from './en.ts';
import { inboxSk } from './inbox.sk.ts';
import { influencersSk } from './influencers.sk.ts';
import { notificationsSk } from './notifications.sk.ts';
import { offerReviewSk } from './offer-review.sk.ts';
import { offersSk } from './offers.sk.ts';
import { publicSk } from './public.sk.ts';
import { reportsSk } from './reports.sk.ts';
import { reviewsSk } from './reviews.sk.ts';
import { secondFactorSk } from './second-factor.sk.ts';

/** Slovak UI strings, the same keys as the English catalogue. */
export const sk: Messages = {
  app: {
    tagline: 'Trhovisko influencerov',
    skipToContent: 'Preskočiť na obsah',
    loading: 'Načítava sa…',
    footer: 'BeXtr · Firmy a influenceri, spolu.',
  },
  nav: {
    label: 'Hlavná navigácia',
    home: 'Domov',
    signIn: 'Prihlásiť sa',
    signUp: 'Registrácia',
    dashboard: 'Prehľad',
    settings: 'Nastavenia',
    signOut: 'Odhlásiť sa',
    openMenu: 'Otvoriť menu',
    closeMenu: 'Zavrieť menu',
    signedInAs: (name: string) => `Prihlásený účet: ${name}`,
  },
  language: {
    label: 'Jazyk',
    saveFailed: 'Jazyk sa nepodarilo uložiť do vášho účtu.',
  },
  colorScheme: {
    label: 'Farebný režim',
    light: 'Svetlý',
    dark: 'Tmavý',
    auto: 'Podľa systému',
  },
  roles: { business: 'Firma', influencer: 'Influencer', admin: 'Administrátor' },
  common: {
    close: 'Zavrieť',
    retry: 'Skúsiť znova',
    backHome: 'Späť na úvod',
    goToDashboard: 'Prejsť na prehľad',
    errorTitle: 'Niečo sa pokazilo',
    networkError: 'Nepodarilo sa spojiť s BeXtr. Skontrolujte pripojenie a skúste to znova.',
    unexpectedError: 'BeXtr poslal odpoveď, ktorú sme nečakali. Skúste to znova.',
    showCharacters: 'Zobraziť zadané znaky',
    comingSoon: 'Čoskoro',
    done: 'Hotovo',
    toDo: 'Treba urobiť',
  },
  fields: {
    name: 'Meno',
    email: 'E-mail',
    password: 'Heslo',
    currentPassword: 'Súčasné heslo',
    newPassword: 'Nové heslo',
    passwordHint: 'Aspoň 8 znakov. Vyhnite sa bežným heslám.',
  },
  home: {
    title: 'Vitajte v BeXtr',
    lead: 'BeXtr spája firmy s influencermi pri propagačných kampaniach — od prvej ponuky až po zverejnený príspevok.',
    businessTitle: 'Pre firmy',
    businessText:
      'Zverejnite kampaň, dostávajte ponuky od tvorcov, ktorí k nej sedia, pozrite si ich publikum a prácu a vyberte si, s kým budete spolupracovať.',
    businessCta: 'Zaregistrovať sa ako firma',
    influencerTitle: 'Pre influencerov',
    influencerText:
      'Nájdite kampane, ktoré sedia vášmu publiku, pošlite ponuku, dohodnite detaily v konverzácii a získajte honorár alebo produkty.',
    influencerCta: 'Zaregistrovať sa ako influencer',
    compensationNote: (example: string) =>
      `Kampane sú platené (napríklad ${example} za príspevok) alebo barterové — za produkty či služby.`,
    haveAccount: 'Už máte účet?',
    signInLink: 'Prihláste sa do svojho účtu',
    signedInTitle: (name: string) => `Vitajte späť, ${name}`,
    signedInText: 'Na prehľade uvidíte, čo potrebuje vašu pozornosť.',
  },
  signIn: {
    title: 'Prihlásenie',
    lead: 'Prihláste sa a spravujte svoje kampane, ponuky a spolupráce.',
    submit: 'Prihlásiť sa',
    forgotPassword: 'Zabudli ste heslo?',
    noAccount: 'Ste v BeXtr nový?',
    signUpLink: 'Vytvoriť účet',
  },
  signUp: {
    title: 'Vytvorte si účet',
    lead: 'Pridajte sa k BeXtr ako firma, ktorá hľadá influencerov, alebo ako influencer, ktorý hľadá kampane.',
    roleLegend: 'Registrujem sa ako',
    businessDescription: 'Hľadáme influencerov pre naše kampane.',
    influencerDescription: 'Tvorím obsah a chcem spolupracovať so značkami.',
    nameDescription: 'Vaše meno alebo názov vašej firmy.',
    languageLegend: 'Jazyk účtu',
    languageDescription: 'V tomto jazyku sa vám BeXtr zobrazí a v ňom vám bude posielať e-maily.',
    submit: 'Vytvoriť účet',
    haveAccount: 'Už máte účet?',
    signInLink: 'Radšej sa prihlásiť',
    welcome: 'Váš účet je pripravený. Poslali sme vám e-mail na overenie adresy.',
  },
  verifyEmail: {
    title: 'Overenie e-mailu',
    verifying: 'Overujeme váš e-mail…',
    successTitle: 'Váš e-mail je overený',
    successText: 'Ďakujeme. Teraz môžete naplno využívať BeXtr.',
    failedTitle: 'E-mail sa nepodarilo overiť',
    missingToken: 'Tento odkaz je neúplný. Otvorte znova odkaz z e-mailu.',
    signInLink: 'Prihlásiť sa',
    resendHint: 'Po prihlásení si môžete na prehľade vyžiadať nový odkaz.',
  },
  forgotPassword: {
    title: 'Zabudnuté heslo',
    lead: 'Zadajte e-mail svojho účtu a pošleme vám odkaz na nastavenie nového hesla.',
    submit: 'Poslať odkaz',
    sentTitle: 'Skontrolujte si poštu',
    sentText:
      'Ak pre tento e-mail existuje účet, poslali sme naň odkaz na nastavenie nového hesla. Odkaz platí obmedzený čas.',
    backToSignIn: 'Späť na prihlásenie',
  },
  resetPassword: {
    title: 'Nastavte si nové heslo',
    lead: 'Zvoľte nové heslo pre svoj účet.',
    submit: 'Uložiť nové heslo',
    successTitle: 'Vaše heslo bolo zmenené',
    successText: 'Na ostatných zariadeniach sme vás odhlásili. Prihláste sa novým heslom.',
    missingToken: 'Tento odkaz je neúplný. Otvorte znova odkaz z e-mailu alebo si vyžiadajte nový.',
    requestNew: 'Vyžiadať nový odkaz',
    signInLink: 'Prihlásiť sa',
  },
  dashboard: {
    title: 'Prehľad',
    greeting: (name: string) => `Dobrý deň, ${name}`,
    today: (date: string) => `Dnes je ${date}.`,
    verifyTitle: 'Overte, prosím, svoj e-mail',
    verifyText: (email: string) =>
      `Na adresu ${email} sme poslali overovací odkaz. Otvorte ho a potvrďte svoju adresu — dovtedy nemôžete zverejňovať kampane ani posielať ponuky.`,
    resend: 'Poslať overovací e-mail znova',
    resent: 'Poslali sme vám nový overovací odkaz.',
    checklistTitle: 'Prvé kroky',
    stepVerify: 'Overte svoj e-mail',
    businessLead: 'Tu nájdete influencerov pre svoju značku a spravujete svoje kampane.',
    businessProfileStep: 'Doplňte profil firmy',
    businessCampaignStep: 'Zverejnite svoju prvú kampaň',
    influencerLead: 'Tu nájdete kampane, ktoré vám sedia, a sledujete svoje ponuky.',
    influencerProfileStep: 'Doplňte svoj profil influencera',
    influencerOfferStep: 'Pošlite svoju prvú ponuku',
    campaignsTitle: 'Vaše kampane',
    campaignsEmpty: 'Zatiaľ nemáte žiadne kampane. Editor kampaní pribudne čoskoro.',
  },
  settings: {
    title: 'Nastavenia',
    accountTitle: 'Účet',
    accountEmail: 'E-mailová adresa',
    accountRole: 'Typ účtu',
    profileTitle: 'Profil',
    saveName: 'Uložiť meno',
    nameSaved: 'Vaše meno bolo uložené.',
    languageTitle: 'Jazyk',
    languageLegend: 'Jazyk účtu',
    languageDescription: 'V tomto jazyku sa vám BeXtr zobrazuje a v ňom vám posiela e-maily.',
    passwordTitle: 'Heslo',
    passwordLead: 'Po zmene hesla vás odhlásime na ostatných zariadeniach.',
    changePassword: 'Zmeniť heslo',
    passwordChanged: 'Vaše heslo bolo zmenené.',
  },
  public: publicSk,
  campaigns: campaignsSk,
  influencers: influencersSk,
  offerReview: offerReviewSk,
  notifications: notificationsSk,
  emailPreferences: emailPreferencesSk,
  offers: offersSk,
  business: businessSk,
  reviews: reviewsSk,
  reports: reportsSk,
  inbox: inboxSk,
  collaborations: collaborationsSk,
  secondFactor: secondFactorSk,
  admin: adminSk,
  notFound: {
    title: 'Stránka sa nenašla',
    text: 'Stránka, ktorú hľadáte, neexistuje alebo bola presunutá.',
  },
};
