import {
  categories,
  compensationTypes,
  deliverableTypes,
  type Locale,
  networks,
  tiers,
} from '@bextr/contracts';
import type { Messages } from '../../i18n/catalogues.ts';
import { intlTag } from '../../i18n/format.ts';

/** Countries offered in forms and filters (ISO 3166-1 alpha-2): Europe first, then a few more. */
export const countryCodes = [
  'SK',
  'CZ',
  'AT',
  'HU',
  'PL',
  'DE',
  'SI',
  'HR',
  'RO',
  'BG',
  'IT',
  'FR',
  'ES',
  'PT',
  'NL',
  'BE',
  'LU',
  'IE',
  'DK',
  'SE',
  'FI',
  'NO',
  'EE',
  'LV',
  'LT',
  'GR',
  'CY',
  'MT',
  'CH',
  'GB',
  'UA',
  'RS',
  'US',
  'CA',
] as const;

/** Languages offered (ISO 639-1). */
export const languageCodes = [
  'sk',
  'cs',
  'en',
  'de',
  'hu',
  'pl',
  'uk',
  'sl',
  'hr',
  'ro',
  'it',
  'fr',
  'es',
  'pt',
  'nl',
  'sv',
  'ru',
] as const;

function displayNames(locale: Locale, type: 'region' | 'language') {
  const names = new Intl.DisplayNames([intlTag[locale]], { type });
  return (code: string) => names.of(code) ?? code;
}

export function countryOptions(locale: Locale) {
  const name = displayNames(locale, 'region');
  return countryCodes
    .map((code) => ({ value: code, label: name(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, intlTag[locale]));
}

export function languageOptions(locale: Locale) {
  const name = displayNames(locale, 'language');
  return languageCodes
    .map((code) => ({ value: code, label: name(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, intlTag[locale]));
}

export const countryName = (locale: Locale, code: string) => displayNames(locale, 'region')(code);
export const languageName = (locale: Locale, code: string) => displayNames(locale, 'language')(code);

export const categoryOptions = (m: Messages) =>
  categories.map((value) => ({ value, label: m.campaigns.categories[value] }));
export const networkOptions = (m: Messages) =>
  networks.map((value) => ({ value, label: m.campaigns.networks[value] }));
export const tierOptions = (m: Messages) =>
  tiers.map((value) => ({ value, label: m.campaigns.tiers[value] }));
export const deliverableTypeOptions = (m: Messages) =>
  deliverableTypes.map((value) => ({ value, label: m.campaigns.deliverableTypes[value] }));
export const compensationOptions = (m: Messages) =>
  compensationTypes.map((value) => ({ value, label: m.campaigns.compensation[value] }));

export const statusColor = { draft: 'gray', published: 'teal', paused: 'yellow', closed: 'red' } as const;
