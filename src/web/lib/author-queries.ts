import { queryOptions } from '@tanstack/react-query'
import { authorListSchema } from '../../contract/api'
import { apiRequest } from './api-client'

export const authorQueries = {
  all: () => ['authors'] as const,
  /** Everyone who started a take; empty on a studio without a token (one user). */
  list: () =>
    queryOptions({
      queryKey: authorQueries.all(),
      queryFn: ({ signal }) => apiRequest('/api/authors', authorListSchema, { signal }),
      staleTime: 60_000,
    }),
}
