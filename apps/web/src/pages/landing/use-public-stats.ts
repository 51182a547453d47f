import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/index.ts';

/** The landing page's live figures (published campaigns, influencers). */
export function usePublicStats() {
  return useQuery({
    queryKey: ['public', 'stats'],
    queryFn: ({ signal }) => api.faq.stats(signal),
    staleTime: 60_000,
  });
}
