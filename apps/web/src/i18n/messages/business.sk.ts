import type { businessEn } from './business.en.ts';

/** Slovak strings of a business's page (/businesses/:id) and of the links to it. */
export const businessSk: typeof businessEn = {
  byline: { before: 'od ', after: '' },
  page: {
    title: 'Firma',
    logoAlt: (name: string) => `Logo firmy ${name}`,
    industry: 'Odvetvie',
    location: 'Sídlo',
    website: 'Webová stránka',
    about: 'O firme',
    noDescription: 'Firma ešte nenapísala svoj popis.',
    editProfile: 'Upraviť profil firmy',
    ownPageNote: 'Takto vidia vašu firmu influenceri.',
  },
  campaigns: {
    title: 'Otvorené kampane',
    lead: 'Kampane tejto firmy, na ktoré môžete práve poslať ponuku.',
    empty: 'Táto firma teraz nemá žiadnu kampaň otvorenú pre ponuky.',
    deadline: (date: string) => `Prihlásiť sa do ${date}`,
    loadMore: 'Zobraziť ďalšie kampane',
  },
};
