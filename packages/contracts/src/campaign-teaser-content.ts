import type { compensationTypes } from './campaigns.ts';
import type { categories, Locale, networks, tiers } from './common.ts';

type Category = (typeof categories)[number];
type Network = (typeof networks)[number];
type Tier = (typeof tiers)[number];
type CompensationType = (typeof compensationTypes)[number];

/** Words the server-rendered campaign teaser pages (`/campaigns`, `/campaigns/:id`) need, in both
 * languages. The React app's catalogue (campaigns.en.ts / .sk.ts) takes its category, network and
 * tier labels from here, so both speak the same words. */
export interface CampaignTeaserContent {
  listMeta: { title: string; description: string };
  listTitle: string;
  listLead: string;
  empty: string;
  campaigns: string;
  by: (business: string) => string;
  category: string;
  networks: string;
  tiers: string;
  compensation: string;
  deadline: string;
  back: string;
  signUpCall: string;
  signUpCta: string;
  signInLink: string;
  /** `<name> · BeXtr` and the meta description of one campaign. */
  pageTitle: (name: string) => string;
  pageDescription: (v: {
    category: string;
    compensation: string;
    deadline: string;
    business: string;
  }) => string;
  formatDate: (isoDate: string) => string;
  categories: Record<Category, string>;
  networkLabels: Record<Network, string>;
  tierLabels: Record<Tier, string>;
  compensationLabels: Record<CompensationType, string>;
}

const networkLabels: Record<Network, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  facebook: 'Facebook',
  x: 'X',
  linkedin: 'LinkedIn',
  twitch: 'Twitch',
  pinterest: 'Pinterest',
  snapchat: 'Snapchat',
  threads: 'Threads',
  blog: 'Blog',
};

const dateIn = (locale: string) => (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
};

export const campaignTeaserContent: Record<Locale, CampaignTeaserContent> = {
  en: {
    listMeta: {
      title: 'Open influencer campaigns · BeXtr',
      description:
        'Open campaigns from businesses looking for influencers on Instagram, TikTok, YouTube and more. Sign up to see the briefs and send offers.',
    },
    listTitle: 'Campaigns on BeXtr',
    listLead: 'A look at the open campaigns. Sign up to see the details and send offers.',
    empty: 'There are no open campaigns right now.',
    campaigns: 'Campaigns',
    by: (business) => `by ${business}`,
    category: 'Category',
    networks: 'Social networks',
    tiers: 'Influencer tiers',
    compensation: 'Compensation',
    deadline: 'Apply by',
    back: 'All campaigns',
    signUpCall: 'Sign up as an influencer to see the full brief and send an offer',
    signUpCta: 'Sign up as an influencer',
    signInLink: 'Already have an account? Sign in',
    pageTitle: (name) => `${name} · BeXtr`,
    pageDescription: ({ category, compensation, deadline, business }) =>
      `${category} campaign by ${business} on BeXtr. ${compensation} collaboration — apply by ${deadline}.`,
    formatDate: dateIn('en-GB'),
    categories: {
      fashion: 'Fashion',
      beauty: 'Beauty',
      food_drink: 'Food & drink',
      travel: 'Travel',
      fitness_health: 'Fitness & health',
      tech: 'Tech',
      gaming: 'Gaming',
      home_living: 'Home & living',
      parenting_family: 'Parenting & family',
      finance: 'Finance',
      education: 'Education',
      entertainment: 'Entertainment',
      sports: 'Sports',
      automotive: 'Automotive',
      pets: 'Pets',
      lifestyle: 'Lifestyle',
      other: 'Other',
    },
    networkLabels,
    tierLabels: {
      nano: 'Nano (1k–10k)',
      micro: 'Micro (10k–100k)',
      macro: 'Macro (100k–1M)',
      mega: 'Mega (1M+)',
    },
    compensationLabels: { paid: 'Paid', barter: 'Barter' },
  },
  sk: {
    listMeta: {
      title: 'Otvorené kampane pre influencerov · BeXtr',
      description:
        'Otvorené kampane firiem, ktoré hľadajú influencerov na Instagrame, TikToku, YouTube a ďalších sieťach. Po registrácii uvidíte zadania a môžete posielať ponuky.',
    },
    listTitle: 'Kampane na BeXtr',
    listLead: 'Pohľad na otvorené kampane. Po registrácii uvidíte podrobnosti a môžete posielať ponuky.',
    empty: 'Momentálne nie sú otvorené žiadne kampane.',
    campaigns: 'Kampane',
    by: (business) => `od ${business}`,
    category: 'Kategória',
    networks: 'Sociálne siete',
    tiers: 'Úrovne influencerov',
    compensation: 'Odmena',
    deadline: 'Prihlásiť sa do',
    back: 'Všetky kampane',
    signUpCall: 'Zaregistrujte sa ako influencer, uvidíte celé zadanie a môžete poslať ponuku',
    signUpCta: 'Registrovať sa ako influencer',
    signInLink: 'Už máte účet? Prihláste sa',
    pageTitle: (name) => `${name} · BeXtr`,
    pageDescription: ({ category, compensation, deadline, business }) =>
      `Kampaň v kategórii ${category} od ${business} na BeXtr. Odmena: ${compensation.toLowerCase()} — prihláste sa do ${deadline}.`,
    formatDate: dateIn('sk-SK'),
    categories: {
      fashion: 'Móda',
      beauty: 'Krása',
      food_drink: 'Jedlo a nápoje',
      travel: 'Cestovanie',
      fitness_health: 'Fitness a zdravie',
      tech: 'Technológie',
      gaming: 'Hry',
      home_living: 'Domov a bývanie',
      parenting_family: 'Rodičovstvo a rodina',
      finance: 'Financie',
      education: 'Vzdelávanie',
      entertainment: 'Zábava',
      sports: 'Šport',
      automotive: 'Autá',
      pets: 'Zvieratá',
      lifestyle: 'Životný štýl',
      other: 'Iné',
    },
    networkLabels,
    tierLabels: {
      nano: 'Nano (1 tis.–10 tis.)',
      micro: 'Mikro (10 tis.–100 tis.)',
      macro: 'Makro (100 tis.–1 mil.)',
      mega: 'Mega (1 mil.+)',
    },
    compensationLabels: { paid: 'Platená', barter: 'Barter' },
  },
};
