import { TextInput, type TextInputProps } from '@mantine/core';

/** The 6-digit code of an authenticator app: the phone's number pad, and the browser's one-time
 * code autofill. */
export function CodeField(props: TextInputProps) {
  return (
    <TextInput
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.2em' } }}
      {...props}
    />
  );
}
