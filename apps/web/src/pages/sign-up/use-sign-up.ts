import type { RegisterBody } from '@bextr/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/index.ts';
import { setSessionUser } from '../../session/use-session.ts';

/** Creates the account; the API signs the new user in at once. */
export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterBody) => api.auth.register(body),
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      setSessionUser(queryClient, user);
    },
  });
}
