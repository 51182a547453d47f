import { unsubscribeBodySchema } from '@bextr/contracts';
import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/index.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useErrorMessage } from '../../errors/use-error-message.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { signInPathFor } from '../../session/redirects.ts';
import { useSession } from '../../session/use-session.ts';
import { useUnsubscribe } from './use-unsubscribe.ts';

const settingsPath = '/settings';

/** A link the server does not know (or no longer knows): nothing to retry. */
const isDeadLink = (error: unknown) =>
  isApiError(error) && (error.status === 400 || error.status === 404 || error.code === 'INVALID_TOKEN');

/** Where a notification e-mail's unsubscribe link lands: /unsubscribe?token=…&kind=… — no sign-in
 * needed. It mutes that kind of e-mail once, on load, and says which. */
export function UnsubscribePage() {
  const { m } = useI18n();
  const t = m.emailPreferences.unsubscribe;
  usePageTitle(t.title);
  const [params] = useSearchParams();
  const parsed = unsubscribeBodySchema.safeParse({ token: params.get('token'), kind: params.get('kind') });
  const body = parsed.success ? parsed.data : null;
  const unsubscribe = useUnsubscribe(body);
  const { user } = useSession();
  const describe = useErrorMessage();

  const settings = user ? (
    <Button component={Link} to={settingsPath}>
      {t.openSettings}
    </Button>
  ) : (
    <Button component={Link} to={signInPathFor({ pathname: settingsPath, search: '' })}>
      {t.signInToSettings}
    </Button>
  );

  let content: ReactNode;
  if (!body) {
    content = (
      <Alert color="red" variant="light" role="alert" title={t.failedTitle}>
        <Text size="sm">{t.incomplete}</Text>
        <Text size="sm" mt="xs">
          {t.settingsInstead}
        </Text>
      </Alert>
    );
  } else if (unsubscribe.isSuccess) {
    content = (
      <Alert color="teal" variant="light" role="status" title={t.doneTitle}>
        <Text size="sm">{t.doneText(m.emailPreferences.kinds[unsubscribe.data.kind].about)}</Text>
        <Text size="sm" mt="xs">
          {t.changeBack}
        </Text>
      </Alert>
    );
  } else if (unsubscribe.isError) {
    const dead = isDeadLink(unsubscribe.error);
    content = (
      <Alert color="red" variant="light" role="alert" title={t.failedTitle}>
        <Text size="sm">{dead ? t.invalid : describe(unsubscribe.error)}</Text>
        {dead ? (
          <Text size="sm" mt="xs">
            {t.settingsInstead}
          </Text>
        ) : (
          <Button size="xs" variant="default" mt="sm" onClick={() => unsubscribe.mutate(body)}>
            {m.common.retry}
          </Button>
        )}
      </Alert>
    );
  } else {
    content = (
      <>
        <Text>{t.working}</Text>
        <PageLoader />
      </>
    );
  }

  const inProgress = body !== null && !unsubscribe.isSuccess && !unsubscribe.isError;
  return (
    <AuthCard title={t.title}>
      {content}
      {inProgress ? null : <Group>{settings}</Group>}
    </AuthCard>
  );
}
