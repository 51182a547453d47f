import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useI18n } from '../i18n/use-i18n.ts';

/** A loading state that screen readers announce. */
export function PageLoader() {
  const { m } = useI18n();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden="true" />
      <VisuallyHidden>{m.app.loading}</VisuallyHidden>
    </Center>
  );
}
