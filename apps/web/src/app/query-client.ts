import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/index.ts';

/** Retries only failures that may pass on their own (network, 5xx), never 4xx answers. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
