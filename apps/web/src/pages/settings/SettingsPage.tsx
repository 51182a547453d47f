import type { User } from '@bextr/contracts';
import { Stack, Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../../session/use-session.ts';
import { EmailPreferencesSection } from './EmailPreferencesSection.tsx';
import { LanguageSection } from './LanguageSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SecuritySection } from './SecuritySection.tsx';
import { SettingsSection } from './SettingsSection.tsx';

function AccountSection({ user }: { user: User }) {
  const { m } = useI18n();
  return (
    <SettingsSection title={m.settings.accountTitle}>
      <dl className="facts">
        <Text component="dt" size="sm" c="dimmed">
          {m.settings.accountEmail}
        </Text>
        <Text component="dd">{user.email}</Text>
        <Text component="dt" size="sm" c="dimmed">
          {m.settings.accountRole}
        </Text>
        <Text component="dd">{m.roles[user.role]}</Text>
      </dl>
    </SettingsSection>
  );
}

/** /settings: account facts, name, language, e-mail notifications and password. */
export function SettingsPage() {
  const { m } = useI18n();
  usePageTitle(m.settings.title);
  const { user } = useSession();
  if (!user) return <PageLoader />;
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={m.settings.title} />
      <AccountSection user={user} />
      <ProfileSection user={user} />
      <LanguageSection />
      <EmailPreferencesSection user={user} />
      <PasswordSection email={user.email} />
      {user.role === 'admin' ? <SecuritySection /> : null}
    </Stack>
  );
}
