import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client';

/** The auth feature's key for the signed-in user; kept as a literal so app code needs no feature internals. */
const ME_QUERY_KEY = ['auth', 'me'] as const;

/** A 4xx answer will not change by asking again; network failures and 5xx may. */
const shouldRetry = (failureCount: number, error: Error) =>
  failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // The staff cookie ran out mid-visit: forget the user so the guard sends them to log in.
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
          queryClient.setQueryData(ME_QUERY_KEY, null);
        }
        // A user who must choose a new password (a demo account): the guard takes them to that page.
        if (error instanceof ApiError && error.code === 'PASSWORD_CHANGE_REQUIRED') {
          void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 10_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
