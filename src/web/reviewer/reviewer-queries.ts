import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { jobSchema } from '../../contract/job'
import { REVIEW_API_PREFIX, reviewerViewSchema } from '../../contract/links'
import { noteListSchema, noteSchema, type CreateNoteRequest, type EditNoteRequest } from '../../contract/review'
import type { Verdict } from '../../contract/verdict'
import { apiRequest } from '../lib/api-client'

const notesPath = (jobId: string) => `${REVIEW_API_PREFIX}/jobs/${encodeURIComponent(jobId)}/notes`

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
      queryFn: ({ signal }) => apiRequest(notesPath(jobId), noteListSchema, { signal }),
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

/** Adding, editing and deleting notes on a take (the server lets a reviewer change only theirs). */
export function useReviewerNotes(jobId: string) {
  const client = useQueryClient()
  const onSuccess = () => client.invalidateQueries({ queryKey: reviewerQueries.notes(jobId).queryKey })
  const add = useMutation({
    mutationFn: (note: CreateNoteRequest) => apiRequest(notesPath(jobId), noteSchema, json('POST', note)),
    onSuccess,
  })
  const edit = useMutation({
    mutationFn: ({ id, ...change }: EditNoteRequest & { id: string }) =>
      apiRequest(`${notesPath(jobId)}/${encodeURIComponent(id)}`, noteSchema, json('PATCH', change)),
    onSuccess,
  })
  const remove = useMutation({
    mutationFn: (id: string) =>
      apiRequest(`${notesPath(jobId)}/${encodeURIComponent(id)}`, z.unknown(), { method: 'DELETE' }),
    onSuccess,
  })
  return { add, edit, remove }
}

export function useReviewerVerdict(jobId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (verdict: Verdict) =>
      apiRequest(`${REVIEW_API_PREFIX}/jobs/${encodeURIComponent(jobId)}/verdict`, jobSchema, json('PUT', { verdict })),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewerQueries.view().queryKey }),
  })
}
