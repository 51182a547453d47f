import { Anchor, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A dashboard card: a titled section, with a link to the whole list beside the title when `all` is
 * given. `id` is the title's id, which labels the section. */
export function DashboardSection({
  id,
  title,
  all,
  children,
}: {
  id: string;
  title: string;
  all?: { to: string; label: string } | null;
  children: ReactNode;
}) {
  return (
    <Paper component="section" withBorder radius="md" p="lg" aria-labelledby={id}>
      <Group justify="space-between" mb="md" gap="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {all ? (
          <Anchor component={Link} to={all.to} size="sm">
            {all.label}
          </Anchor>
        ) : null}
      </Group>
      {children}
    </Paper>
  );
}
