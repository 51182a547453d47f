import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';

/** Short-lived confirmations and failures, with a named close button. The same message is shown
 * once while it is on screen: a double-clicked submit sent with an Idempotency-Key succeeds twice
 * (the second answer is the first one replayed), and must not stack two identical toasts. */
export function useNotify() {
  const { m } = useI18n();
  return useCallback(
    (message: string, kind: 'success' | 'error' = 'success') =>
      notifications.show({
        id: `notify-${kind}-${encodeURIComponent(message)}`,
        message,
        color: kind === 'success' ? 'teal' : 'red',
        closeButtonProps: { 'aria-label': m.common.close },
      }),
    [m],
  );
}
