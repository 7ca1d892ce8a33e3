import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from './api-client'
import type { AuthorList } from '../../contract/api'

export const authorQueries = {
  all: () => ['authors'] as const,
  /** Everyone who started a take; empty on a studio without a token (one user). */
  list: () =>
    queryOptions({
      queryKey: authorQueries.all(),
      queryFn: ({ signal }) => apiRequest<AuthorList>('/api/authors', { signal }),
      staleTime: 60_000,
    }),
}
