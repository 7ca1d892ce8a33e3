import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { REVIEW_API_PREFIX, type ReviewerView } from '../../contract/links'
import type { CreateNoteRequest, EditNoteRequest, Note, NoteList } from '../../contract/review'
import type { Verdict } from '../../contract/verdict'
import { apiRequest } from '../lib/api-client'
import type { Job } from '../../contract/job'

const notesPath = (jobId: string) => `${REVIEW_API_PREFIX}/jobs/${encodeURIComponent(jobId)}/notes`

/** The reviewer's own queries: every path under /r/api, the only one their link cookie opens. */
export const reviewerQueries = {
  view: () =>
    queryOptions({
      queryKey: ['review-link', 'view'],
      queryFn: ({ signal }) =>
        apiRequest<ReviewerView>(`${REVIEW_API_PREFIX}/review-link`, { signal }),
    }),
  notes: (jobId: string) =>
    queryOptions({
      queryKey: ['review-link', 'notes', jobId],
      queryFn: ({ signal }) => apiRequest<NoteList>(notesPath(jobId), { signal }),
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
      apiRequest<null>(`${REVIEW_API_PREFIX}/review-link/reviewer`, json('PUT', { name })),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewerQueries.view().queryKey }),
  })
}

/** Adding, editing and deleting notes on a take (the server lets a reviewer change only theirs). */
export function useReviewerNotes(jobId: string) {
  const client = useQueryClient()
  const onSuccess = () =>
    client.invalidateQueries({ queryKey: reviewerQueries.notes(jobId).queryKey })
  const add = useMutation({
    mutationFn: (note: CreateNoteRequest) => apiRequest<Note>(notesPath(jobId), json('POST', note)),
    onSuccess,
  })
  const edit = useMutation({
    mutationFn: ({ id, ...change }: EditNoteRequest & { id: string }) =>
      apiRequest<Note>(`${notesPath(jobId)}/${encodeURIComponent(id)}`, json('PATCH', change)),
    onSuccess,
  })
  const remove = useMutation({
    mutationFn: (id: string) =>
      apiRequest<unknown>(`${notesPath(jobId)}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess,
  })
  return { add, edit, remove }
}

export function useReviewerVerdict(jobId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (verdict: Verdict) =>
      apiRequest<Job>(
        `${REVIEW_API_PREFIX}/jobs/${encodeURIComponent(jobId)}/verdict`,
        json('PUT', { verdict }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewerQueries.view().queryKey }),
  })
}
