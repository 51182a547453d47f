import { landingMockContent } from '@bextr/contracts';

/** English strings of the public pages (landing, FAQ) and the admins' FAQ page. The page texts
 * themselves live in @bextr/contracts (public-content.ts), shared with the server renderer. */
export const publicEn = {
  nav: { faq: 'FAQ' },
  landing: {
    goToDashboard: 'Go to your dashboard',
    haveAccount: 'Already have an account?',
    signInLink: 'Sign in',
    statsUnavailable: 'The live figures could not be loaded.',
    visualLabel: 'Illustration',
    mock: landingMockContent.en,
  },
  faq: {
    searchLabel: 'Search the FAQ',
    searchPlaceholder: 'For example: barter, fees, profile',
    results: (n: number) => (n === 1 ? '1 answer found' : `${n} answers found`),
    noResults: (q: string) => `No answer mentions “${q}”. Send us your question below.`,
    clearSearch: 'Clear search',
  },
  adminFaq: {
    title: 'FAQ',
    lead: 'Answer visitors’ questions, publish the good ones and keep the FAQ in order.',
    queueTab: 'Questions',
    entriesTab: 'FAQ entries',
    statusLabel: 'Show questions',
    statuses: { new: 'New', answered: 'Answered', dismissed: 'Dismissed' },
    empty: {
      new: 'No new questions. All caught up.',
      answered: 'No answered questions yet.',
      dismissed: 'No dismissed questions.',
    },
    anonymous: 'Anonymous visitor',
    noEmail: 'no e-mail — the answer is not sent',
    askedIn: (language: string) => `asked in ${language}`,
    askedBy: (n: number) => (n === 1 ? 'Asked by 1 person' : `Asked by ${n} people`),
    emailRecipients: (n: number, answered: boolean) =>
      answered
        ? n === 0
          ? 'nobody got the answer by e-mail'
          : `${n} got the answer by e-mail`
        : n === 0
          ? 'nobody will get the answer by e-mail'
          : `${n} will get the answer by e-mail`,
    askersLabel: 'Who asked',
    answer: 'Answer',
    answerHint: 'In the language of the question. E-mailed to everyone who asked it and left an address.',
    publish: 'Publish to the FAQ',
    publishIn: 'Publish in',
    publishBoth: 'Both languages',
    group: 'FAQ group',
    faqQuestion: 'Question as shown in the FAQ',
    translationQuestion: (language: string) => `Question in ${language}`,
    translationAnswer: (language: string) => `Answer in ${language}`,
    sendAnswer: 'Send answer',
    dismiss: 'Dismiss',
    answered: 'The answer was saved.',
    answeredAndSent: (n: number) =>
      n === 1
        ? 'The answer was saved and is on its way to the asker.'
        : `The answer was saved and is on its way to ${n} askers.`,
    dismissed: 'The question was dismissed.',
    yourAnswer: 'Answer',
    publishedIn: (languages: string) => `Published in: ${languages}`,
    loadMore: 'Show more',
    language: 'Language',
    newEntry: 'New entry',
    editEntry: 'Edit entry',
    question: 'Question',
    save: 'Save',
    cancel: 'Cancel',
    edit: 'Edit',
    moveUp: 'Move up',
    moveDown: 'Move down',
    publishEntry: 'Publish',
    unpublish: 'Unpublish',
    delete: 'Delete',
    confirmDelete: 'Delete this entry for good?',
    hidden: 'Hidden',
    entrySaved: 'The entry was saved.',
    entryDeleted: 'The entry was deleted.',
    noEntries: 'No entries in this language yet.',
    entryActions: (question: string) => `Actions for “${question}”`,
  },
};
