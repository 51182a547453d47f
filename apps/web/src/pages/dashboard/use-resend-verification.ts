import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/index.ts';
import { sessionQueryKey } from '../../session/use-session.ts';

/** Sends a fresh verification link; when the e-mail turns out verified already, the user is
 * refreshed so the banner goes away. */
export function useResendVerification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.auth.resendVerification(),
    onError: (error) => {
      if (isApiError(error) && error.code === 'EMAIL_ALREADY_VERIFIED') {
        void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      }
    },
  });
}
