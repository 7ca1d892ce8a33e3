import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from './api-client'
import type { Capabilities } from '../../contract/capabilities'

export const capabilityQueries = {
  all: () => ['capabilities'] as const,
  // The table changes only when the server restarts with another provider.
  current: () =>
    queryOptions({
      queryKey: capabilityQueries.all(),
      queryFn: ({ signal }) => apiRequest<Capabilities>('/api/capabilities', { signal }),
      staleTime: Infinity,
    }),
}
