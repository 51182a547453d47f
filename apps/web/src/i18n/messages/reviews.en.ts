/** English strings of ratings and reviews: the star rating, review lists, the form on a collaboration. */
export const reviewsEn = {
  /** The accessible name of a star rating: "4.5 out of 5, 12 reviews". */
  ratingLabel: (average: string, count: number) =>
    `${average} out of 5, ${count} ${count === 1 ? 'review' : 'reviews'}`,
  /** The short visible form beside the stars: "4.5 (12)". */
  ratingShort: (average: string, count: number) => `${average} (${count})`,
  noRating: 'No reviews yet',
  stars: (rating: number) => `${rating} out of 5 stars`,
  starOption: (rating: number) => `${rating} ${rating === 1 ? 'star' : 'stars'}`,
  list: {
    title: 'Reviews',
    none: 'No reviews yet. Reviews appear here after completed collaborations.',
    loadMore: 'Show more reviews',
  },
  section: {
    title: 'Reviews',
    notYet: 'Once the collaboration is completed, both sides can review each other here.',
    formTitle: (name: string) => `Review ${name}`,
    formLead: 'Your review shows on their profile with your name and the campaign. You can write it once.',
    rating: 'Your rating',
    ratingRequired: 'Choose from 1 to 5 stars.',
    text: 'Your review',
    textHint: (min: number, max: number) => `${min}–${max} characters: how was it to work together?`,
    submit: 'Publish review',
    submitted: 'Your review is published.',
    mine: 'Your review',
    theirs: (name: string) => `${name}’s review of you`,
    theirsPending: 'The other side has not reviewed you yet.',
  },
};
