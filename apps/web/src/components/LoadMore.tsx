import { Button } from '@mantine/core';

/** The "load more" button under a paginated list; renders nothing once the last page is in. */
export function LoadMore({
  query,
  label,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  label: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <Button
      mt="md"
      variant="default"
      onClick={() => void query.fetchNextPage()}
      loading={query.isFetchingNextPage}
    >
      {label}
    </Button>
  );
}
