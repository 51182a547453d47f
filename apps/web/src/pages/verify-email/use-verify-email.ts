import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../api/index.ts';
import { sessionQueryKey } from '../../session/use-session.ts';

/** Spends the e-mail link's token once (a token works only once, so a re-render or React's
 * development double effect must not send it twice), then refreshes the signed-in user. */
export function useVerifyEmail(token: string | null) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (value: string) => api.auth.verifyEmail({ token: value }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
  const sentFor = useRef<string | null>(null);
  const { mutate } = mutation;
  useEffect(() => {
    if (!token || sentFor.current === token) return;
    sentFor.current = token;
    mutate(token);
  }, [token, mutate]);
  return mutation;
}
