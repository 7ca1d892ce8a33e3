import { queryOptions } from '@tanstack/react-query'
import { healthSchema } from '../../contract/api'
import { apiRequest } from './api-client'

export const healthQueries = {
  all: () => ['health'] as const,
  status: () =>
    queryOptions({
      queryKey: healthQueries.all(),
      queryFn: ({ signal }) => apiRequest('/api/health', healthSchema, { signal }),
      // The header shows whether the studio server is there; check it now and then.
      refetchInterval: 60_000,
    }),
}
