import type { Locale } from '@bextr/contracts';
import { createContext, type ReactNode, useMemo, useSyncExternalStore } from 'react';
import { catalogues, type Messages } from './catalogues.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format.ts';
import { localeStore } from './locale-store.ts';

export interface I18n {
  locale: Locale;
  /** The messages of the current language. */
  m: Messages;
  /** Switches the UI language (local only; see useChangeLanguage to also save it to the account). */
  setLocale: (locale: Locale) => void;
  format: {
    date: (value: Date | string, style?: 'long' | 'medium') => string;
    dateTime: (value: Date | string) => string;
    money: (money: Parameters<typeof formatMoney>[1]) => string;
    number: (value: number) => string;
  };
}

export const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useSyncExternalStore(localeStore.subscribe, localeStore.get);
  const value = useMemo<I18n>(
    () => ({
      locale,
      m: catalogues[locale],
      setLocale: localeStore.set,
      format: {
        date: (v, style) => formatDate(locale, v, style),
        dateTime: (v) => formatDateTime(locale, v),
        money: (money) => formatMoney(locale, money),
        number: (v) => formatNumber(locale, v),
      },
    }),
    [locale],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}
