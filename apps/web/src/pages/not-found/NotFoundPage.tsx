import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

/** Any path the app does not know. */
export function NotFoundPage() {
  const { m } = useI18n();
  usePageTitle(m.notFound.title);
  return (
    <Stack gap="md" py="xl" align="flex-start">
      <Text c="dimmed" fw={700} fz={48} lh={1} aria-hidden="true">
        404
      </Text>
      <Title order={1}>{m.notFound.title}</Title>
      <Text>{m.notFound.text}</Text>
      <Group>
        <Button component={Link} to="/">
          {m.common.backHome}
        </Button>
      </Group>
    </Stack>
  );
}
