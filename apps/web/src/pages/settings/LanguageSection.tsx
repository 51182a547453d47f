import { type Locale, languageNames, locales } from '@bextr/contracts';
import { ChoiceFieldset } from '../../components/ChoiceFieldset.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useChangeLanguage } from '../../session/use-change-language.ts';
import { SettingsSection } from './SettingsSection.tsx';

/** The account language: the same switch as the header's, saved to the account at once. */
export function LanguageSection() {
  const { m, locale } = useI18n();
  const { changeLanguage } = useChangeLanguage();
  return (
    <SettingsSection title={m.settings.languageTitle}>
      <ChoiceFieldset<Locale>
        name="account-locale"
        legend={m.settings.languageLegend}
        description={m.settings.languageDescription}
        value={locale}
        onChange={changeLanguage}
        choices={locales.map((code) => ({ value: code, label: languageNames[code] }))}
      />
    </SettingsSection>
  );
}
