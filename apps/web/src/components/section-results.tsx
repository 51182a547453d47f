import { SimpleGrid, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { LoadMore } from './LoadMore.tsx';
import { QueryStates } from './QueryStates.tsx';
import type { useCursorPages } from './use-cursor-pages.ts';

/**
 * The results of a cursor-paginated search: a loader, an error with retry, or a section holding
 * the cards in a grid (or the empty text) and a "load more" button.
 */
export function ResultsSection<T extends { id: string }>({
  pages: { query, items },
  renderItem,
  empty,
  loadMore,
  children,
  ...section
}: {
  pages: ReturnType<typeof useCursorPages<T>>;
  renderItem: (item: T) => ReactNode;
  empty: string;
  loadMore: string;
  /** Shown above the results, e.g. a heading the section is labelled by. */
  children?: ReactNode;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}) {
  return (
    <QueryStates query={query}>
      <section {...section}>
        {children}
        {items.length === 0 ? (
          <Text c="dimmed">{empty}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {items.map((item) => (
              <Fragment key={item.id}>{renderItem(item)}</Fragment>
            ))}
          </SimpleGrid>
        )}
        <LoadMore query={query} label={loadMore} />
      </section>
    </QueryStates>
  );
}
