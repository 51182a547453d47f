import { Stack, Text, Title } from '@mantine/core';

/** The heading of a full-width page. */
export function PageHeader({ title, lead }: { title: string; lead?: string | undefined }) {
  return (
    <Stack gap={4} mb="lg">
      <Title order={1}>{title}</Title>
      {lead ? <Text c="dimmed">{lead}</Text> : null}
    </Stack>
  );
}
