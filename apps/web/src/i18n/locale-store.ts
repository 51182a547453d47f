import { type Locale, localeSchema } from '@bextr/contracts';

const STORAGE_KEY = 'bextr.locale';

function readStored(): Locale | null {
  try {
    const parsed = localeSchema.safeParse(window.localStorage.getItem(STORAGE_KEY));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function fromBrowser(): Locale {
  const languages = typeof navigator === 'undefined' ? [] : navigator.languages;
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'sk' || base === 'cs') return 'sk';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** A page opened with ?lang=en|sk (the public pages' per-language addresses) speaks that language
 * from its first render, and keeps it as the visitor's choice. */
function fromAddress(): Locale | null {
  try {
    const parsed = localeSchema.safeParse(new URLSearchParams(window.location.search).get('lang'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const addressed = fromAddress();
let current: Locale = addressed ?? readStored() ?? fromBrowser();
if (addressed) {
  try {
    window.localStorage.setItem(STORAGE_KEY, addressed);
  } catch {
    // Not persisted: the language then lasts for this page only.
  }
}
const listeners = new Set<() => void>();

function applyToDocument(locale: Locale) {
  document.documentElement.lang = locale;
}
applyToDocument(current);

/** The UI language outside React: read by the API client for Accept-Language, persisted in
 * localStorage, mirrored to <html lang>. React reads it through useSyncExternalStore. */
export const localeStore = {
  get: (): Locale => current,
  set(locale: Locale) {
    if (locale === current) return;
    current = locale;
    try {
      window.localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode or a full storage: the choice then lasts for this page only.
    }
    applyToDocument(locale);
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
