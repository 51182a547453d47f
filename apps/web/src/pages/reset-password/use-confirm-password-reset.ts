import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/index.ts';
import { sessionQueryKey } from '../../session/use-session.ts';

/** Sets the new password with the e-mail link's token; other sessions end, so the session is
 * asked again. */
export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => api.auth.confirmPasswordReset(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}
