import type { Locale } from '@bextr/contracts';
import type { Messages } from '../../i18n/catalogues.ts';
import { formatDate, intlTag } from '../../i18n/format.ts';

/** The local calendar day of a time, as a key ("2026-3-14"). */
export function dayKey(iso: string) {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/** "Today", "Yesterday" or the date, for the divider above a day's messages. */
export function dayLabel(m: Messages, locale: Locale, iso: string, now = new Date()) {
  const key = dayKey(iso);
  if (key === dayKey(now.toISOString())) return m.inbox.thread.today;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (key === dayKey(yesterday.toISOString())) return m.inbox.thread.yesterday;
  return formatDate(locale, iso, 'long');
}

/** "14:05" — the time of day. */
export function timeOf(locale: Locale, iso: string) {
  return new Intl.DateTimeFormat(intlTag[locale], { timeStyle: 'short' }).format(new Date(iso));
}

/** The inbox's time of the last activity: the time today, else the date. */
export function shortWhen(locale: Locale, iso: string, now = new Date()) {
  if (dayKey(iso) === dayKey(now.toISOString())) return timeOf(locale, iso);
  const date = new Date(iso);
  const sameYear = date.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(intlTag[locale], {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}
