import '@mantine/dates/styles.css';
import type { Locale } from '@bextr/contracts';
import { DateInput, type DateInputProps, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/sk';
import { useI18n } from '../i18n/use-i18n.ts';

/** How a chosen date reads in the field, in the page's language (not the browser's, as the
 * native date input would). */
const displayFormat: Record<Locale, string> = { en: 'D MMM YYYY', sk: 'D. M. YYYY' };
const placeholders: Record<Locale, string> = { en: 'e.g. 17 Dec 2026', sk: 'napr. 17. 12. 2026' };

const pad = (n: number) => String(n).padStart(2, '0');

/** Month names (English and Slovak, long and short) → month number, for typed dates. */
const monthNumbers = new Map<string, number>();
for (const names of [
  'january february march april may june july august september october november december',
  'jan feb mar apr may jun jul aug sep oct nov dec',
  'január február marec apríl máj jún júl august september október november december',
  'januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra',
]) {
  names.split(' ').forEach((name, i) => {
    monthNumbers.set(name, i + 1);
  });
}
monthNumbers.set('sept', 9);

/** A typed date as `YYYY-MM-DD`, only when it is a whole date: ISO (2026-12-17), day-month-year
 * with dots, slashes or dashes (17. 12. 2026, 17.12.2026, 17/12/2026), or with the month's name
 * (17 Dec 2026, 17. decembra 2026). Null for anything else, including 31. 2. 2026 and "Dec 2026"
 * (no day): the field keeps its value rather than guess one. */
export function parseTypedDate(text: string): string | null {
  const s = text.trim().toLowerCase();
  let parts: [number, number, number] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const numeric = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})$/.exec(s);
  const named = /^(\d{1,2})\.?\s+(\p{L}+)\.?,?\s+(\d{4})$/u.exec(s);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (numeric) parts = [Number(numeric[3]), Number(numeric[2]), Number(numeric[1])];
  else if (named) {
    const month = monthNumbers.get(named[2] ?? '');
    if (month) parts = [Number(named[3]), month, Number(named[1])];
  }
  if (!parts) return null;
  const [year, month, day] = parts;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

type DateFieldProps = Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'minDate' | 'maxDate' | 'excludeDate' | 'valueFormat' | 'dateParser'
> & {
  /** `YYYY-MM-DD`, or '' / null for none. */
  value?: string | null | undefined;
  defaultValue?: string | null | undefined;
  /** Called with `YYYY-MM-DD`, or '' when the field is emptied. */
  onChange?: ((value: string) => void) | undefined;
  min?: string | undefined;
  max?: string | undefined;
};

/** A date field that types and shows dates in the page's language, with a calendar to pick from;
 * its value is the API's `YYYY-MM-DD` string. Works controlled (`value`) or uncontrolled
 * (`defaultValue`, e.g. a Mantine form's `getInputProps` in uncontrolled mode). */
export function DateField({ value, defaultValue, onChange, min, max, placeholder, ...rest }: DateFieldProps) {
  const { locale } = useI18n();
  // The locale through the provider: parts of the calendar (its month title) read it from there alone.
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DateInput
        {...rest}
        {...(value !== undefined ? { value: value || null } : {})}
        {...(defaultValue !== undefined ? { defaultValue: defaultValue || null } : {})}
        onChange={(next) => onChange?.(next ?? '')}
        // The bounds grey out the calendar's days only: a date typed outside them reaches the form,
        // whose validation says why it does not fit (Mantine's minDate/maxDate would drop it silently).
        {...(min || max
          ? { excludeDate: (day: string) => Boolean((min && day < min) || (max && day > max)) }
          : {})}
        {...(!value && !defaultValue && min ? { defaultDate: min } : {})}
        valueFormat={displayFormat[locale]}
        dateParser={parseTypedDate}
        placeholder={placeholder ?? placeholders[locale]}
      />
    </DatesProvider>
  );
}
