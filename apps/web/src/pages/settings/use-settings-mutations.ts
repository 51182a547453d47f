import type { UpdateMeBody } from '@bextr/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/index.ts';
import { setSessionUser } from '../../session/use-session.ts';

/** Saves name (or other account fields) and updates the signed-in user everywhere. */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeBody) => api.auth.updateMe(body),
    onSuccess: (user) => setSessionUser(queryClient, user),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.auth.changePassword(body),
  });
}
