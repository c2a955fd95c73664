import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Team data changes under other people's hands (an invitation accepted elsewhere): refetch
      // whenever a page mounts rather than showing a cached list.
      staleTime: 0,
      // A 4xx will not change by asking again; network trouble and 5xx might.
      retry: (failureCount, error) =>
        !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
    mutations: { retry: false },
  },
});
