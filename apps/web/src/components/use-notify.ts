import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';

/** Short-lived confirmations and failures, with a named close button. */
export function useNotify() {
  const { m } = useI18n();
  return useCallback(
    (message: string, kind: 'success' | 'error' = 'success') =>
      notifications.show({
        message,
        color: kind === 'success' ? 'teal' : 'red',
        closeButtonProps: { 'aria-label': m.common.close },
      }),
    [m],
  );
}
