import type { User } from '@bextr/contracts';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { MailIcon } from '../../components/icons.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ResendStatus } from './ResendStatus.tsx';
import { useResendVerification } from './use-resend-verification.ts';

/** Asks a new user to confirm the e-mail address, with a button for a new link. */
export function VerifyEmailBanner({ user }: { user: User }) {
  const { m } = useI18n();
  const resend = useResendVerification();
  return (
    <Alert color="yellow" variant="light" title={m.dashboard.verifyTitle} icon={<MailIcon />}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{m.dashboard.verifyText(user.email)}</Text>
        <Button
          size="xs"
          variant="white"
          color="dark"
          onClick={() => resend.mutate()}
          loading={resend.isPending}
        >
          {m.dashboard.resend}
        </Button>
        <ResendStatus resend={resend} />
      </Stack>
    </Alert>
  );
}
