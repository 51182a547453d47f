import { campaignTeaserContent } from './campaign-teaser-content.ts';
import type { Locale } from './common.ts';

/** Words the server-rendered public influencer page (`/i/:handle`) needs, in both languages. The
 * category, network and tier labels are the campaign teasers' (campaign-teaser-content.ts). */
export interface InfluencerPageContent {
  /** `<display name> (@handle) · BeXtr`. */
  pageTitle: (displayName: string, handle: string) => string;
  /** The meta description; empty parts are left out. */
  pageDescription: (v: {
    displayName: string;
    tier: string;
    networks: string;
    categories: string;
    followers: string;
    bio: string;
  }) => string;
  formatNumber: (n: number) => string;
  countryName: (code: string) => string;
  followersOn: (followers: string) => string;
  tier: string;
  networks: string;
  categories: string;
  country: string;
  totalFollowers: string;
  about: string;
  signUpCall: string;
  signUpLead: string;
  signUpCta: string;
  signInLink: string;
  categoryLabels: (typeof campaignTeaserContent)['en']['categories'];
  networkLabels: (typeof campaignTeaserContent)['en']['networkLabels'];
  tierLabels: (typeof campaignTeaserContent)['en']['tierLabels'];
}

const numberIn = (locale: string) => (n: number) => new Intl.NumberFormat(locale).format(n);
const countryIn = (locale: string) => (code: string) => {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};
const sentences = (...parts: string[]) =>
  parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(' ');

export const influencerPageContent: Record<Locale, InfluencerPageContent> = {
  en: {
    pageTitle: (name, handle) => `${name} (@${handle}) · BeXtr`,
    pageDescription: ({ displayName, tier, networks, categories, followers, bio }) =>
      sentences(
        `${displayName} is ${tier ? `a ${tier} influencer` : 'an influencer'} on BeXtr${networks ? ` (${networks})` : ''}.`,
        categories ? `Topics: ${categories}.` : '',
        followers ? `${followers} followers in total.` : '',
        bio,
      ),
    formatNumber: numberIn('en-GB'),
    countryName: countryIn('en'),
    followersOn: (followers) => `${followers} followers`,
    tier: 'Tier',
    networks: 'Social networks',
    categories: 'Categories',
    country: 'Country',
    totalFollowers: 'Followers in total',
    about: 'About',
    signUpCall: 'Working with influencers? Sign up as a business',
    signUpLead:
      'See full profiles, invite influencers to your campaigns and agree on collaborations on BeXtr.',
    signUpCta: 'Sign up as a business',
    signInLink: 'Already have an account? Sign in',
    categoryLabels: campaignTeaserContent.en.categories,
    networkLabels: campaignTeaserContent.en.networkLabels,
    tierLabels: campaignTeaserContent.en.tierLabels,
  },
  sk: {
    pageTitle: (name, handle) => `${name} (@${handle}) · BeXtr`,
    pageDescription: ({ displayName, tier, networks, categories, followers, bio }) =>
      sentences(
        `${displayName} je influencer na BeXtr${tier ? `, úroveň ${tier}` : ''}${networks ? ` (${networks})` : ''}.`,
        categories ? `Témy: ${categories}.` : '',
        followers ? `Spolu ${followers} sledovateľov.` : '',
        bio,
      ),
    formatNumber: numberIn('sk-SK'),
    countryName: countryIn('sk'),
    followersOn: (followers) => `${followers} sledovateľov`,
    tier: 'Úroveň',
    networks: 'Sociálne siete',
    categories: 'Kategórie',
    country: 'Krajina',
    totalFollowers: 'Sledovatelia spolu',
    about: 'O mne',
    signUpCall: 'Spolupracujete s influencermi? Zaregistrujte sa ako firma',
    signUpLead:
      'Uvidíte celé profily, pozvete influencerov do svojich kampaní a dohodnete spoluprácu na BeXtr.',
    signUpCta: 'Registrovať sa ako firma',
    signInLink: 'Už máte účet? Prihláste sa',
    categoryLabels: campaignTeaserContent.sk.categories,
    networkLabels: campaignTeaserContent.sk.networkLabels,
    tierLabels: campaignTeaserContent.sk.tierLabels,
  },
};
