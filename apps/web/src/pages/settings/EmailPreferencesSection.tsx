import type { EmailKind, User } from '@bextr/contracts';
import { Stack, Switch, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useErrorMessage } from '../../errors/use-error-message.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import {
  emailKindGroups,
  useEmailPreferences,
  useSaveEmailPreference,
} from '../../notifications/email-preferences.ts';
import { SettingsSection } from './SettingsSection.tsx';

/** One switch per e-mail kind that concerns the user's role, grouped; each saves as it is
 * toggled, like the language above it. */
export function EmailPreferencesSection({ user }: { user: User }) {
  const { m } = useI18n();
  const t = m.emailPreferences;
  const notify = useNotify();
  const describe = useErrorMessage();
  const preferences = useEmailPreferences(user.id);
  const save = useSaveEmailPreference(user.id);

  const toggle = (kind: EmailKind, on: boolean) =>
    save.mutate(
      { kind, on },
      { onError: (error) => notify(t.saveFailed(t.kinds[kind].label, describe(error)), 'error') },
    );

  let content: ReactNode;
  if (preferences.isPending) {
    content = <PageLoader />;
  } else if (preferences.isError) {
    content = <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />;
  } else {
    const email = preferences.data.email;
    content = (
      <Stack gap="lg">
        {emailKindGroups(user.role).map(({ group, kinds }) => (
          <fieldset key={group} className="choice-fieldset">
            <legend className="choice-legend">{t.groups[group]}</legend>
            <Stack gap="sm" mt={4}>
              {kinds.map((kind) => (
                <Switch
                  key={kind}
                  label={t.kinds[kind].label}
                  description={t.kinds[kind].hint}
                  checked={email[kind] ?? true}
                  onChange={(event) => toggle(kind, event.currentTarget.checked)}
                />
              ))}
            </Stack>
          </fieldset>
        ))}
      </Stack>
    );
  }

  return (
    <SettingsSection title={t.title} lead={t.lead}>
      {content}
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {save.isPending ? t.saving : save.isSuccess ? t.saved : ''}
      </Text>
    </SettingsSection>
  );
}
