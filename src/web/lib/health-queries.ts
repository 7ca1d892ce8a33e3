import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from './api-client'
import type { Health } from '../../contract/api'

export const healthQueries = {
  all: () => ['health'] as const,
  status: () =>
    queryOptions({
      queryKey: healthQueries.all(),
      queryFn: ({ signal }) => apiRequest<Health>('/api/health', { signal }),
      // The header shows whether the studio server is there; check it now and then.
      refetchInterval: 60_000,
    }),
}
