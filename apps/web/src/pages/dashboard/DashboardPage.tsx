import type { User } from '@bextr/contracts';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { Navigate } from 'react-router';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../../session/use-session.ts';
import { MemberDashboard } from './MemberDashboard.tsx';

function isMember(user: User): user is User & { role: 'business' | 'influencer' } {
  return user.role === 'business' || user.role === 'influencer';
}

/** /dashboard: one per role; an admin goes on to the console. */
export function DashboardPage() {
  const { m, format } = useI18n();
  usePageTitle(m.dashboard.title);
  const { user } = useSession();
  if (!user) return <PageLoader />;
  // An admin's dashboard is the console (where sign-in sends everyone by default).
  if (!isMember(user)) return <Navigate to="/admin" replace />;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={1}>{m.dashboard.title}</Title>
          <Badge variant="light">{m.roles[user.role]}</Badge>
        </Group>
        <Text size="lg" fw={500}>
          {m.dashboard.greeting(user.name)}
        </Text>
        <Text c="dimmed">
          {m.dashboard.today(format.date(new Date(), 'long'))}{' '}
          {user.role === 'business' ? m.dashboard.businessLead : m.dashboard.influencerLead}
        </Text>
      </Stack>
      <MemberDashboard user={user} />
    </Stack>
  );
}
