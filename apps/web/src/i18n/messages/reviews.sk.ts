import type { reviewsEn } from './reviews.en.ts';

const reviewsWord = (n: number) => (n === 1 ? 'recenzia' : n >= 2 && n <= 4 ? 'recenzie' : 'recenzií');
const starsWord = (n: number) => (n === 1 ? 'hviezdička' : n >= 2 && n <= 4 ? 'hviezdičky' : 'hviezdičiek');

/** Slovak strings of ratings and reviews. */
export const reviewsSk: typeof reviewsEn = {
  ratingLabel: (average: string, count: number) => `${average} z 5, ${count} ${reviewsWord(count)}`,
  ratingShort: (average: string, count: number) => `${average} (${count})`,
  noRating: 'Zatiaľ bez recenzií',
  stars: (rating: number) => `${rating} z 5 hviezdičiek`,
  starOption: (rating: number) => `${rating} ${starsWord(rating)}`,
  list: {
    title: 'Recenzie',
    none: 'Zatiaľ bez recenzií. Zobrazia sa tu po dokončených spoluprácach.',
    loadMore: 'Zobraziť ďalšie recenzie',
  },
  section: {
    title: 'Recenzie',
    notYet: 'Po dokončení spolupráce sa tu obe strany môžu navzájom ohodnotiť.',
    formTitle: (name: string) => `Ohodnoťte: ${name}`,
    formLead:
      'Recenzia sa zobrazí na profile druhej strany s vaším menom a názvom kampane. Napísať ju môžete raz.',
    rating: 'Vaše hodnotenie',
    ratingRequired: 'Vyberte 1 až 5 hviezdičiek.',
    text: 'Vaša recenzia',
    textHint: (min: number, max: number) => `${min} – ${max} znakov: aká bola spolupráca?`,
    submit: 'Zverejniť recenziu',
    submitted: 'Vaša recenzia je zverejnená.',
    mine: 'Vaša recenzia',
    theirs: (name: string) => `Recenzia od ${name}`,
    theirsPending: 'Druhá strana vás zatiaľ neohodnotila.',
  },
};
