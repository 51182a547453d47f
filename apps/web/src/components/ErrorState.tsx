import { Alert, Button, Stack, Text } from '@mantine/core';
import { useErrorMessage } from '../errors/use-error-message.ts';
import { useI18n } from '../i18n/use-i18n.ts';

/** A failed load, with the reason and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { m } = useI18n();
  const describe = useErrorMessage();
  return (
    <Alert color="red" title={m.common.errorTitle} role="alert" variant="light">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{describe(error)}</Text>
        {onRetry ? (
          <Button size="xs" variant="default" onClick={onRetry}>
            {m.common.retry}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
