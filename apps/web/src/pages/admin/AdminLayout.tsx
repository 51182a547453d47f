import { Box, Button, Drawer, Group, NavLink as MantineNavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { isActive } from '../../components/layout/HeaderNav.tsx';
import type { NavItem } from '../../components/layout/nav-items.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { adminNavItems } from './admin-nav.ts';

function SectionLinks({ items, onNavigate }: { items: readonly NavItem[]; onNavigate?: () => void }) {
  const { pathname } = useLocation();
  return (
    <Stack gap={2}>
      {items.map((item) => (
        <MantineNavLink
          key={item.to}
          component={NavLink}
          to={item.to}
          end={item.end}
          label={item.label}
          active={isActive(item, pathname)}
          onClick={onNavigate}
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        />
      ))}
    </Stack>
  );
}

/** The shell of every /admin page: the console's sections beside the page (from 62em), or behind a
 * "Console sections" button that opens them in a drawer (phones and tablets). */
export function AdminLayout() {
  const { m } = useI18n();
  const t = m.admin.nav;
  const items = adminNavItems(m);
  const { pathname } = useLocation();
  const current = items.find((item) => isActive(item, pathname));
  const [opened, { open, close }] = useDisclosure(false);
  const wide = useMediaQuery('(min-width: 62em)');
  useEffect(() => {
    if (wide) close();
  }, [wide, close]);

  return (
    <Group align="flex-start" gap="xl" wrap="nowrap">
      <Box
        component="nav"
        aria-label={t.label}
        visibleFrom="md"
        w={210}
        style={{
          flexShrink: 0,
          position: 'sticky',
          top: 'calc(var(--app-shell-header-height, 60px) + 16px)',
        }}
      >
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" px="sm" mb="xs">
          {t.label}
        </Text>
        <SectionLinks items={items} />
      </Box>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Button
          hiddenFrom="md"
          variant="default"
          mb="md"
          fullWidth
          justify="space-between"
          onClick={open}
          aria-haspopup="dialog"
          aria-expanded={opened}
          rightSection={<span aria-hidden="true">▾</span>}
        >
          {current ? t.current(current.label) : t.menu}
        </Button>
        <Drawer
          opened={opened}
          onClose={close}
          title={t.menu}
          size="xs"
          closeButtonProps={{ 'aria-label': m.common.close }}
        >
          <nav aria-label={t.label}>
            <SectionLinks items={items} onNavigate={close} />
          </nav>
        </Drawer>
        <Outlet />
      </Box>
    </Group>
  );
}
