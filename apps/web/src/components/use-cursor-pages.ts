import { useInfiniteQuery } from '@tanstack/react-query';

type Page<T> = { items: T[]; nextCursor: string | null };

/** A cursor-paginated list: '' is the first page's cursor; `items` flattens the pages loaded so far. */
/** `E` carries whatever else a page holds (e.g. a count), read from `query.data.pages`. */
export function useCursorPages<T, E extends object = object>(
  queryKey: unknown[],
  fetchPage: (cursor: string, signal: AbortSignal) => Promise<Page<T> & E>,
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { query, items };
}
