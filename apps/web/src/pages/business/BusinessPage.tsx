import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, isApiError } from '../../api/index.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import { BusinessView } from './BusinessView.tsx';

export const businessKey = (id: string) => ['businesses', 'one', id] as const;

/** /businesses/:id — a business as any signed-in user sees it: its facts, rating and open campaigns. */
export function BusinessPage() {
  const { id = '' } = useParams();
  const { m } = useI18n();
  const query = useQuery({
    queryKey: businessKey(id),
    queryFn: ({ signal }) => api.campaigns.business(id, signal),
    retry: (count, error) => !(isApiError(error) && error.status === 404) && count < 2,
  });
  usePageTitle(query.data?.companyName ?? m.business.page.title);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <BusinessView business={query.data} />;
}
