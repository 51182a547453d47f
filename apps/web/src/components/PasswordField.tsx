import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useI18n } from '../i18n/use-i18n.ts';

/** A password input whose show/hide button is named without the word "password", so the field
 * stays the only element labelled "Password". */
export function PasswordField(props: PasswordInputProps) {
  const { m } = useI18n();
  return <PasswordInput {...props} visibilityToggleButtonProps={{ 'aria-label': m.common.showCharacters }} />;
}
