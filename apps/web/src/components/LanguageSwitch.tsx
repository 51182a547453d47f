import { type Locale, languageNames, localeSchema, locales } from '@bextr/contracts';
import { NativeSelect } from '@mantine/core';
import { useI18n } from '../i18n/use-i18n.ts';
import { useChangeLanguage } from '../session/use-change-language.ts';

/** The header's language picker (a native select named "Language"); saved to the account when
 * someone is signed in. */
export function LanguageSwitch() {
  const { locale, m } = useI18n();
  const { changeLanguage } = useChangeLanguage();
  return (
    <NativeSelect
      aria-label={m.language.label}
      value={locale}
      size="xs"
      w={116}
      onChange={(event) => {
        const next = localeSchema.safeParse(event.currentTarget.value);
        if (next.success) changeLanguage(next.data);
      }}
    >
      {locales.map((code: Locale) => (
        <option key={code} value={code} lang={code}>
          {languageNames[code]}
        </option>
      ))}
    </NativeSelect>
  );
}
