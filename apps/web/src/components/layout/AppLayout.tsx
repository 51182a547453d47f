import { AppShell, Burger, Button, Container, Group, Text } from '@mantine/core';
import { useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../../session/use-session.ts';
import { useSignOut } from '../../session/use-sign-out.ts';
import { ColorSchemeSwitch } from '../ColorSchemeSwitch.tsx';
import { LanguageSwitch } from '../LanguageSwitch.tsx';
import { useNotify } from '../use-notify.ts';
import { Brand } from './Brand.tsx';
import { HeaderNav } from './HeaderNav.tsx';
import { InboxLink } from './InboxLink.tsx';
import { MobileNav } from './MobileNav.tsx';
import { NotificationsBell } from './NotificationsBell.tsx';
import { navItemsFor } from './nav-items.ts';

const MOBILE_NAV_ID = 'mobile-navigation';

/** The shell around every page: header with navigation, language and color scheme, a burger
 * menu on phones, and the page itself. */
export function AppLayout() {
  const { m } = useI18n();
  const { user } = useSession();
  const signOut = useSignOut();
  const notify = useNotify();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Mantine's lg (75em): below it the header cannot hold every link plus the bell, language,
  // color scheme and sign out in either language, so the burger menu holds the links.
  const isDesktop = useMediaQuery('(min-width: 75em)');
  const items = navItemsFor(user, m);

  // The menu closes when the window grows past phone width (and when a link in it is followed).
  useEffect(() => {
    if (isDesktop) close();
  }, [isDesktop, close]);
  useHotkeys([['Escape', close]]);

  const handleSignOut = () => {
    close();
    signOut.mutate(undefined, { onError: () => notify(m.common.networkError, 'error') });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 280, breakpoint: 'lg', collapsed: { mobile: !opened, desktop: true } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {m.app.skipToContent}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="lg"
              size="sm"
              aria-label={opened ? m.nav.closeMenu : m.nav.openMenu}
              aria-expanded={opened}
              aria-controls={MOBILE_NAV_ID}
            />
            <Brand />
          </Group>
          <HeaderNav items={items} />
          <Group gap="xs" wrap="nowrap">
            {user ? (
              <Text size="sm" c="dimmed" visibleFrom="xl" maw={200} truncate="end" title={user.name}>
                {user.name}
              </Text>
            ) : null}
            {user && user.role !== 'admin' ? <InboxLink userId={user.id} /> : null}
            {user ? <NotificationsBell userId={user.id} /> : null}
            <LanguageSwitch />
            <ColorSchemeSwitch />
            {user ? (
              <Button
                variant="default"
                size="sm"
                visibleFrom="lg"
                onClick={handleSignOut}
                loading={signOut.isPending}
              >
                {m.nav.signOut}
              </Button>
            ) : null}
          </Group>
        </Group>
      </AppShell.Header>
      {/* Mounted only while open, so no empty or off-screen copy of the links exists. */}
      {opened && !isDesktop ? (
        <AppShell.Navbar p="md" id={MOBILE_NAV_ID} aria-label={m.nav.label}>
          <MobileNav
            items={items}
            user={user}
            onNavigate={close}
            onSignOut={handleSignOut}
            signingOut={signOut.isPending}
          />
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="lg" className="page">
          <Outlet />
        </Container>
        <Container size="lg" className="site-footer">
          <Text size="xs" c="dimmed">
            {m.app.footer}
          </Text>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
