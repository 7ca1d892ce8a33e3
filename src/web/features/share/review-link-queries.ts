import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod/mini'
import {
  createdReviewLinkSchema,
  reviewLinkListSchema,
  type CreateReviewRequest,
} from '../../../contract/links'
import { apiRequest } from '../../lib/api-client'

export const reviewLinkQueries = {
  all: () => ['review-links'] as const,
  list: () =>
    queryOptions({
      queryKey: [...reviewLinkQueries.all(), 'list'],
      queryFn: ({ signal }) => apiRequest('/api/reviews', reviewLinkListSchema, { signal }),
    }),
}

export function useShareForReview() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateReviewRequest) =>
      apiRequest('/api/reviews', createdReviewLinkSchema, {
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
    mutationFn: (id: string) => apiRequest(`/api/reviews/${encodeURIComponent(id)}`, z.null(), { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewLinkQueries.all() }),
  })
}
