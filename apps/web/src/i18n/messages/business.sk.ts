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
  reviews: {
    title: 'Hodnotenia',
    none: 'Zatiaľ bez hodnotení. Objavia sa tu po dokončených spoluprácach.',
    summary: (average: string, count: number) =>
      `${average} / 5 z ${count} ${count === 1 ? 'hodnotenia' : 'hodnotení'}`,
    stars: (rating: number) => `${rating} z 5 hviezdičiek`,
  },
  campaigns: {
    title: 'Otvorené kampane',
    lead: 'Kampane tejto firmy, na ktoré môžete práve poslať ponuku.',
    empty: 'Táto firma teraz nemá žiadnu kampaň otvorenú pre ponuky.',
    deadline: (date: string) => `Prihlásiť sa do ${date}`,
    loadMore: 'Zobraziť ďalšie kampane',
  },
};
