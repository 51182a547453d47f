import { Paper, Stack } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
import { LoadMore } from './LoadMore.tsx';
import { QueryStates } from './QueryStates.tsx';

/**
 * A page's paginated list: a loader while it loads, an error with retry when it failed, `empty` in a
 * card when there are no items, otherwise the items (`children`, each an `li`) in a labelled list
 * with "load more" under it.
 */
export function PagedList({
  query,
  isEmpty,
  empty,
  label,
  loadMore,
  children,
}: {
  query: ComponentProps<typeof QueryStates>['query'] & ComponentProps<typeof LoadMore>['query'];
  isEmpty: boolean;
  empty: ReactNode;
  /** The list's accessible name. */
  label: string;
  /** The "load more" button's label. */
  loadMore: string;
  children: ReactNode;
}) {
  return (
    <QueryStates query={query}>
      {isEmpty ? (
        <Paper withBorder p="lg" radius="md">
          {empty}
        </Paper>
      ) : (
        <div>
          <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
            {children}
          </Stack>
          <LoadMore query={query} label={loadMore} />
        </div>
      )}
    </QueryStates>
  );
}
