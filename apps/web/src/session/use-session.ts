import type { User } from '@bextr/contracts';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api } from '../api/index.ts';

export const sessionQueryKey = ['auth', 'me'] as const;

/** Who is signed in: `user` is null for a visitor; undefined while the first answer is pending. */
export function useSession() {
  const query = useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => api.auth.me(signal),
    staleTime: 60_000,
  });
  return {
    user: query.data,
    isPending: query.isPending,
    isError: query.isError,
    error: query.error,
    refetch: query.refetch,
  };
}

/** Stores the user an auth call returned, so the whole UI knows at once. */
export function setSessionUser(queryClient: QueryClient, user: User | null) {
  queryClient.setQueryData(sessionQueryKey, user);
}
