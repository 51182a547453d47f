import type { Collaboration } from '@bextr/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/index.ts';

/** Everything about collaborations lives under `['collaborations']`: a `collaboration` live event
 * refreshes it all (the page, the list, the dashboard, the thread's panel). */
export const collaborationKeys = {
  all: ['collaborations'] as const,
  list: (filter: string) => ['collaborations', 'list', filter] as const,
  one: (id: string) => ['collaborations', 'one', id] as const,
  ofThread: (conversationId: string) => ['collaborations', 'thread', conversationId] as const,
  /** A collaboration's reviews: beside `one(id)`, not under it, so refreshing the collaboration
   * alone leaves them be; a refresh of `all` (a `collaboration` live event) covers them. */
  reviews: (id: string) => ['collaborations', id, 'reviews'] as const,
};

export function useCollaboration(id: string) {
  return useQuery({
    queryKey: collaborationKeys.one(id),
    queryFn: ({ signal }) => api.collaborations.get(id, signal),
  });
}

/** The collaboration a thread's offer made, or null while the offer is not accepted. */
export function useThreadCollaboration(conversationId: string, enabled: boolean) {
  return useQuery({
    queryKey: collaborationKeys.ofThread(conversationId),
    enabled,
    queryFn: async ({ signal }) => {
      const page = await api.collaborations.list({ conversationId, limit: 1 }, signal);
      const item = page.items[0];
      return item ? api.collaborations.get(item.id, signal) : null;
    },
  });
}

/** A verb on a collaboration: its answer (the collaboration as it now is) replaces the cached one,
 * and the lists refetch. */
export function useCollaborationAction<V>(id: string, run: (vars: V) => Promise<Collaboration>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (collaboration) => {
      queryClient.setQueryData(collaborationKeys.one(id), collaboration);
      void queryClient.invalidateQueries({
        queryKey: collaborationKeys.all,
        predicate: (q) => q.queryKey[1] !== 'one',
      });
    },
  });
}
