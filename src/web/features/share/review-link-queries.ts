import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  CreateReviewRequest,
  CreatedReviewLink,
  ReviewLinkList,
} from '../../../contract/links'
import { apiRequest } from '../../lib/api-client'

export const reviewLinkQueries = {
  all: () => ['review-links'] as const,
  list: () =>
    queryOptions({
      queryKey: [...reviewLinkQueries.all(), 'list'],
      queryFn: ({ signal }) => apiRequest<ReviewLinkList>('/api/reviews', { signal }),
    }),
}

export function useShareForReview() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateReviewRequest) =>
      apiRequest<CreatedReviewLink>('/api/reviews', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewLinkQueries.all() }),
  })
}

export function useRevokeLink() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<null>(`/api/reviews/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewLinkQueries.all() }),
  })
}
