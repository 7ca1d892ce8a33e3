import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { REVIEW_API_PREFIX, reviewerViewSchema } from '../../contract/links'
import { noteListSchema, noteSchema, type CreateNoteRequest } from '../../contract/review'
import { apiRequest } from '../lib/api-client'

/** The reviewer's own queries: every path under /r/api, the only one their link cookie opens. */
export const reviewerQueries = {
  view: () =>
    queryOptions({
      queryKey: ['review-link', 'view'],
      queryFn: ({ signal }) => apiRequest(`${REVIEW_API_PREFIX}/review-link`, reviewerViewSchema, { signal }),
    }),
  notes: (jobId: string) =>
    queryOptions({
      queryKey: ['review-link', 'notes', jobId],
      queryFn: ({ signal }) =>
        apiRequest(`${REVIEW_API_PREFIX}/jobs/${encodeURIComponent(jobId)}/notes`, noteListSchema, { signal }),
    }),
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

export function useNameReviewer() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (name: string) =>
      apiRequest(`${REVIEW_API_PREFIX}/review-link/reviewer`, z.null(), json('PUT', { name })),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewerQueries.view().queryKey }),
  })
}

export function useAddNote(jobId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (note: CreateNoteRequest) =>
      apiRequest(`${REVIEW_API_PREFIX}/jobs/${encodeURIComponent(jobId)}/notes`, noteSchema, json('POST', note)),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewerQueries.notes(jobId).queryKey }),
  })
}
