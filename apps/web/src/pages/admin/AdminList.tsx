import { Group, Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/** An admin page's list of cards (each an `AdminListItem`), named for assistive tech by `label`. */
export function AdminList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack component="ul" gap="sm" aria-label={label} p={0} m={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  );
}

/** One card of an `AdminList`: the details (`children`, stacked, at least `basis` wide) and, beside
 * them, the badges and actions (`side`). */
export function AdminListItem({
  basis,
  side,
  children,
}: {
  basis: string;
  side: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: `1 1 ${basis}` }}>
          {children}
        </Stack>
        <Group gap="xs">{side}</Group>
      </Group>
    </Paper>
  );
}
