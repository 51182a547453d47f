import type { LoginBody, SecondFactorBody } from '@bextr/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/index.ts';
import { setSessionUser } from '../../session/use-session.ts';

/** Signs in; the new user replaces whatever a previous session had cached. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.auth.login(body),
    onSuccess: (result) => {
      // An admin with a second factor is not signed in yet: the page asks for the code.
      if (!('user' in result)) return;
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      setSessionUser(queryClient, result.user);
    },
  });
}

/** The second step of an admin's sign-in; the user it answers is signed in. */
export function useCompleteSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecondFactorBody) => api.auth.completeSecondFactor(body),
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      setSessionUser(queryClient, user);
    },
  });
}
