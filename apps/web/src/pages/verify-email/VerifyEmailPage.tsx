import { tokenBodySchema } from '@bextr/contracts';
import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AuthCard } from '../../components/AuthCard.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useErrorMessage } from '../../errors/use-error-message.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../../session/use-session.ts';
import { useVerifyEmail } from './use-verify-email.ts';

/** Where the verification e-mail's link lands: /verify-email?token=… */
export function VerifyEmailPage() {
  const { m } = useI18n();
  usePageTitle(m.verifyEmail.title);
  const [params] = useSearchParams();
  const raw = params.get('token');
  const token = tokenBodySchema.safeParse({ token: raw }).success ? raw : null;
  const verify = useVerifyEmail(token);
  const { user } = useSession();
  const describe = useErrorMessage();

  const next = user ? (
    <Button component={Link} to="/dashboard">
      {m.common.goToDashboard}
    </Button>
  ) : (
    <Button component={Link} to="/sign-in">
      {m.verifyEmail.signInLink}
    </Button>
  );

  const inProgress = token !== null && !verify.isSuccess && !verify.isError;
  // A second click on a used link still ends well when the account is in fact verified.
  const verified = verify.isSuccess || (verify.isError && user?.emailVerified === true);
  let body: ReactNode;
  if (!token) {
    body = (
      <Alert color="red" variant="light" role="alert" title={m.verifyEmail.failedTitle}>
        {m.verifyEmail.missingToken}
      </Alert>
    );
  } else if (verified) {
    body = (
      <Alert color="teal" variant="light" role="status" title={m.verifyEmail.successTitle}>
        {m.verifyEmail.successText}
      </Alert>
    );
  } else if (verify.isError) {
    body = (
      <Alert color="red" variant="light" role="alert" title={m.verifyEmail.failedTitle}>
        <Text size="sm">{describe(verify.error)}</Text>
        <Text size="sm" mt="xs">
          {m.verifyEmail.resendHint}
        </Text>
      </Alert>
    );
  } else {
    body = (
      <>
        <Text>{m.verifyEmail.verifying}</Text>
        <PageLoader />
      </>
    );
  }

  return (
    <AuthCard title={m.verifyEmail.title}>
      {body}
      {inProgress ? null : <Group>{next}</Group>}
    </AuthCard>
  );
}
