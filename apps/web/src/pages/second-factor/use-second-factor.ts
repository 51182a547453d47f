import type { SecondFactorCodeBody } from '@bextr/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/index.ts';
import { setSessionUser } from '../../session/use-session.ts';

const statusKey = ['auth', 'second-factor'] as const;
const setupKey = ['auth', 'second-factor', 'setup'] as const;

/** The admin's second factor: on since when, recovery codes left. */
export function useSecondFactorStatus() {
  return useQuery({ queryKey: statusKey, queryFn: ({ signal }) => api.auth.secondFactorStatus(signal) });
}

/** A new secret for the authenticator, asked for once per visit of the setup page (a query, so a
 * second mount does not replace the secret the page shows). */
export function useSecondFactorSetup() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => api.auth.startSecondFactorSetup(),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** Confirms the setup with a code: the session's user now has the second factor on. */
export function useEnableSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecondFactorCodeBody) => api.auth.enableSecondFactor(body),
    onSuccess: (result) => {
      queryClient.removeQueries({ queryKey: setupKey, exact: true });
      void queryClient.invalidateQueries({ queryKey: statusKey, exact: true });
      setSessionUser(queryClient, result.user);
    },
  });
}

export function useRenewRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecondFactorCodeBody) => api.auth.renewRecoveryCodes(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: statusKey, exact: true }),
  });
}
