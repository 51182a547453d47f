import type { BusinessProfileBody } from '@bextr/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/index.ts';

export const businessProfileKey = ['business-profile'] as const;

export function useBusinessProfile(enabled = true) {
  return useQuery({
    queryKey: businessProfileKey,
    queryFn: ({ signal }) => api.campaigns.getProfile(signal),
    enabled,
  });
}

export function useSaveBusinessProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BusinessProfileBody) => api.campaigns.saveProfile(body),
    onSuccess: (profile) => queryClient.setQueryData(businessProfileKey, profile),
  });
}
