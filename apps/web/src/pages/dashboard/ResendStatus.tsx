import { Text } from '@mantine/core';
import { useErrorMessage } from '../../errors/use-error-message.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { useResendVerification } from './use-resend-verification.ts';

/** What became of "resend the verification e-mail", announced politely to screen readers. */
export function ResendStatus({ resend }: { resend: ReturnType<typeof useResendVerification> }) {
  const { m } = useI18n();
  const describe = useErrorMessage();
  return (
    <div aria-live="polite">
      {resend.isSuccess ? (
        <Text size="sm" c="teal" fw={500}>
          {m.dashboard.resent}
        </Text>
      ) : null}
      {resend.isError ? (
        <Text size="sm" c="red" role="alert">
          {describe(resend.error)}
        </Text>
      ) : null}
    </div>
  );
}
