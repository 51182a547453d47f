import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/index.ts';

export const campaignKey = (id: string) => ['campaigns', 'one', id] as const;

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: campaignKey(id ?? ''),
    queryFn: ({ signal }) => api.campaigns.get(id ?? '', signal),
    enabled: Boolean(id),
  });
}
