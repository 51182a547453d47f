import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api/index.ts';
import { setSessionUser } from './use-session.ts';

/** Ends the session, forgets every cached answer of that user and goes home. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: api.auth.logout,
    onSuccess: async () => {
      // Leave the signed-in page first (committed synchronously), so its guard never sees the
      // visitor and sends them to sign in.
      await navigate('/', { replace: true, flushSync: true });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      setSessionUser(queryClient, null);
    },
  });
}
