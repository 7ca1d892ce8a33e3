import { queryOptions } from '@tanstack/react-query'
import { capabilitiesSchema } from '../../contract/capabilities'
import { apiRequest } from './api-client'

export const capabilityQueries = {
  all: () => ['capabilities'] as const,
  // The table changes only when the server restarts with another provider.
  current: () =>
    queryOptions({
      queryKey: capabilityQueries.all(),
      queryFn: ({ signal }) => apiRequest('/api/capabilities', capabilitiesSchema, { signal }),
      staleTime: Infinity,
    }),
}
