import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { isApiError } from '../../api/index.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';

/** A report page that has nothing to show yet: a loader while it loads, else a link back to the list
 * over "not found" (404) or the error with retry. */
export function ReportLoadStates({
  query,
  back,
}: {
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
  back: { to: string; label: string };
}) {
  const { m } = useI18n();
  if (query.isPending) return <PageLoader />;
  const notFound = isApiError(query.error) && query.error.status === 404;
  return (
    <Stack gap="md" align="flex-start">
      <Anchor component={Link} to={back.to} size="sm">
        ← {back.label}
      </Anchor>
      {notFound ? (
        <Text>{m.notFound.text}</Text>
      ) : (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      )}
    </Stack>
  );
}
