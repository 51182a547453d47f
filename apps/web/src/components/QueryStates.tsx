import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorState } from './ErrorState.tsx';
import { PageLoader } from './PageLoader.tsx';

/** The bits of a react-query result that say whether it has loaded. */
type LoadState = { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

/**
 * A loader while the query loads, an error with retry when it failed, the empty text when
 * `isEmpty`, and otherwise the children.
 */
export function QueryStates({
  query,
  isEmpty = false,
  empty,
  children,
}: {
  query: LoadState;
  isEmpty?: boolean;
  /** Shown, dimmed, when `isEmpty`. */
  empty?: string;
  children: ReactNode;
}) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty) return <Text c="dimmed">{empty}</Text>;
  return children;
}
