import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, isApiError } from '../../api/index.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import { ProfileView } from './ProfileView.tsx';

/** /influencers/:handle (businesses, admins) and /i/:handle (anyone, when the influencer opted in). */
export function InfluencerPage() {
  const { handle = '' } = useParams();
  const { m } = useI18n();
  const query = useQuery({
    queryKey: ['influencer', handle.toLowerCase()],
    queryFn: ({ signal }) => api.influencers.byHandle(handle, signal),
    retry: (count, error) => !(isApiError(error) && error.status === 404) && count < 2,
  });
  usePageTitle(query.data?.displayName ?? m.influencers.directory.title);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <ProfileView profile={query.data} />;
}
