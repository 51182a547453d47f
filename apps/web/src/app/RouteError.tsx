import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/use-i18n.ts';

/** Shown when a screen crashes while rendering: an apology and a way back, never a stack trace. */
export function RouteError() {
  const { m } = useI18n();
  return (
    <Container size="sm" py="xl">
      <Stack gap="md" align="flex-start" role="alert">
        <Title order={1}>{m.common.errorTitle}</Title>
        <Text>{m.common.unexpectedError}</Text>
        <Button component="a" href="/">
          {m.common.backHome}
        </Button>
      </Stack>
    </Container>
  );
}
