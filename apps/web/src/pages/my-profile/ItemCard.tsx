import { Group, Image, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One saved profile item: an optional thumbnail, a title, a dimmed detail line and its actions. */
export function ItemCard({
  thumb,
  title,
  detail,
  actions,
}: {
  thumb: { src: string; alt: string } | null;
  title: ReactNode;
  detail: ReactNode;
  actions: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap">
          {thumb ? <Image src={thumb.src} alt={thumb.alt} w={56} h={56} radius="sm" fit="cover" /> : null}
          <Stack gap={2}>
            <Text fw={600}>{title}</Text>
            <Text size="sm" c="dimmed">
              {detail}
            </Text>
          </Stack>
        </Group>
        {actions}
      </Group>
    </Paper>
  );
}
