import type { Locale } from './common.ts';

/** The pictures on the landing page: a campaign and an offer (business side), deliverables being
 * approved (influencer side), drawn from BeXtr's own UI parts. */
export interface LandingMockContent {
  campaignName: string;
  campaignMeta: string;
  campaignPay: string;
  slots: string;
  offerFrom: string;
  offerMeta: string;
  accept: string;
  decline: string;
  deliverables: string[];
  delivered: string;
  approved: string;
  rating: string;
}

/** Apart from the words around the page, so the React app (which draws the same pictures) imports
 * only these. */
export const landingMockContent: Record<Locale, LandingMockContent> = {
  en: {
    campaignName: 'Spring coffee launch',
    campaignMeta: 'Food & drink · Instagram, TikTok',
    campaignPay: '€150 per influencer',
    slots: '3 of 5 slots open',
    offerFrom: 'Offer from Lucia N.',
    offerMeta: 'Micro · 24k followers · 4.1 % engagement',
    accept: 'Accept',
    decline: 'Decline',
    deliverables: ['2 stories', '1 reel', '1 post'],
    delivered: 'Delivered',
    approved: 'Approved',
    rating: 'Rated 5 of 5',
  },
  sk: {
    campaignName: 'Jarná kávová novinka',
    campaignMeta: 'Jedlo a nápoje · Instagram, TikTok',
    campaignPay: '150 € na influencera',
    slots: 'voľné 3 z 5 miest',
    offerFrom: 'Ponuka od Lucie N.',
    offerMeta: 'Micro · 24 tis. sledovateľov · zapojenie 4,1 %',
    accept: 'Prijať',
    decline: 'Odmietnuť',
    deliverables: ['2 stories', '1 reel', '1 príspevok'],
    delivered: 'Odovzdané',
    approved: 'Schválené',
    rating: 'Hodnotenie 5 z 5',
  },
};

/** The words around the landing page that the server renders for visitors with its own small
 * script (decision 020): the header, menus and footer. The React app shows the same words from
 * its own catalogues. */
export interface LandingChromeContent {
  skipToContent: string;
  footer: string;
  navLabel: string;
  home: string;
  campaigns: string;
  faq: string;
  signIn: string;
  signUp: string;
  language: string;
  colorScheme: { label: string; light: string; dark: string; auto: string };
  openMenu: string;
  closeMenu: string;
  haveAccount: string;
  signInLink: string;
}

export const landingChromeContent: Record<Locale, LandingChromeContent> = {
  en: {
    skipToContent: 'Skip to content',
    footer: 'BeXtr · Businesses and influencers, working together.',
    navLabel: 'Main navigation',
    home: 'Home',
    campaigns: 'Campaigns',
    faq: 'FAQ',
    signIn: 'Sign in',
    signUp: 'Sign up',
    language: 'Language',
    colorScheme: { label: 'Color scheme', light: 'Light', dark: 'Dark', auto: 'Same as system' },
    openMenu: 'Open menu',
    closeMenu: 'Close menu',
    haveAccount: 'Already have an account?',
    signInLink: 'Sign in',
  },
  sk: {
    skipToContent: 'Preskočiť na obsah',
    footer: 'BeXtr · Firmy a influenceri, spolu.',
    navLabel: 'Hlavná navigácia',
    home: 'Domov',
    campaigns: 'Kampane',
    faq: 'Časté otázky',
    signIn: 'Prihlásiť sa',
    signUp: 'Registrácia',
    language: 'Jazyk',
    colorScheme: { label: 'Farebný režim', light: 'Svetlý', dark: 'Tmavý', auto: 'Podľa systému' },
    openMenu: 'Otvoriť menu',
    closeMenu: 'Zavrieť menu',
    haveAccount: 'Už máte účet?',
    signInLink: 'Prihlásiť sa',
  },
};
