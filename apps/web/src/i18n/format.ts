import type { Locale, Money } from '@bextr/contracts';

/** The BCP 47 tag each UI language formats with. */
export const intlTag: Record<Locale, string> = { en: 'en-GB', sk: 'sk-SK' };

/** Digits after the decimal point per currency (minor units). */
const minorDigits: Record<Money['currency'], number> = { EUR: 2 };

export function formatDate(locale: Locale, value: Date | string, style: 'long' | 'medium' = 'medium') {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlTag[locale], { dateStyle: style }).format(date);
}

export function formatDateTime(locale: Locale, value: Date | string) {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlTag[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Money as API.md sends it: an integer amount in minor units plus the currency. */
export function formatMoney(locale: Locale, money: Money) {
  const digits = minorDigits[money.currency];
  return new Intl.NumberFormat(intlTag[locale], {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: money.amount % 10 ** digits === 0 ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(money.amount / 10 ** digits);
}

export function formatNumber(locale: Locale, value: number) {
  return new Intl.NumberFormat(intlTag[locale]).format(value);
}
