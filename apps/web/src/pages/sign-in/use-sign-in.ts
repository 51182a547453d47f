import type { LoginBody } from '@bextr/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/index.ts';
import { setSessionUser } from '../../session/use-session.ts';

/** Signs in; the new user replaces whatever a previous session had cached. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.auth.login(body),
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      setSessionUser(queryClient, user);
    },
  });
}
