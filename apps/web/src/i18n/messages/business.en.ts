/** English strings of a business's page (/businesses/:id) and of the links to it. */
export const businessEn = {
  /** "by <company>" with the company's name as a link: the words around the name. */
  byline: { before: 'by ', after: '' },
  page: {
    title: 'Business',
    logoAlt: (name: string) => `Logo of ${name}`,
    industry: 'Industry',
    location: 'Location',
    website: 'Website',
    about: 'About',
    noDescription: 'The business has not written a description yet.',
    editProfile: 'Edit business profile',
    ownPageNote: 'This is how influencers see your business.',
  },
  campaigns: {
    title: 'Open campaigns',
    lead: 'Campaigns of this business that take offers now.',
    empty: 'This business has no campaigns open for offers right now.',
    deadline: (date: string) => `Apply by ${date}`,
    loadMore: 'Show more campaigns',
  },
};
