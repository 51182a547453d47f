import type { Locale } from '@bextr/contracts';

/** Each language named in itself, as language pickers show them. */
export const languageNames: Record<Locale, string> = { en: 'English', sk: 'Slovenčina' };
