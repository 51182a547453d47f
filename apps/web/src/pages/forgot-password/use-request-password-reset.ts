import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/index.ts';

/** Asks for a reset link; the API answers the same whether or not the account exists. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (body: { email: string }) => api.auth.requestPasswordReset(body) });
}
