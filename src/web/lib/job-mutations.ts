import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { Job } from '../../contract/job'
import { apiRequest } from './api-client'
import { forgetDeleted, rememberDeleted } from './deleted-takes'
import { jobQueries } from './job-queries'

const JSON_HEADERS = { 'content-type': 'application/json' }
const jobPath = (id: string) => `/api/jobs/${encodeURIComponent(id)}`

/**
 * A job the studio just started: it is in the queue at once, then the lists catch up. The
 * composer's create can call this too, so every new job takes the same way into the queue.
 */
export function rememberNewJob(queryClient: QueryClient, job: Job): Promise<void> {
  queryClient.setQueryData(jobQueries.detail(job.id).queryKey, job)
  queryClient.setQueryData(jobQueries.active().queryKey, (jobs) =>
    jobs ? [job, ...jobs.filter((other) => other.id !== job.id)] : [job],
  )
  return queryClient.invalidateQueries({ queryKey: jobQueries.lists() })
}

/** POST /api/jobs/:id/remix — a new take from a finished one, with a new prompt. */
export function useRemixJob() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, prompt }: { id: string; prompt: string }) =>
      apiRequest<Job>(`${jobPath(id)}/remix`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ prompt }),
      }),
    onSuccess: (job) => rememberNewJob(queryClient, job),
  })
}

/** POST /api/jobs/:id/retry — the same settings again, as a new job. */
export function useRetryJob() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiRequest<Job>(`${jobPath(id)}/retry`, { method: 'POST' }),
    onSuccess: (job) => rememberNewJob(queryClient, job),
  })
}

/** POST /api/jobs/:id/cancel — stop a take that is waiting or rendering; it is never saved. */
export function useCancelJob() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiRequest<Job>(`${jobPath(id)}/cancel`, { method: 'POST' }),
    onSuccess: (job) => {
      queryClient.setQueryData(jobQueries.detail(job.id).queryKey, job)
      return queryClient.invalidateQueries({ queryKey: jobQueries.lists() })
    },
  })
}

/**
 * DELETE /api/jobs/:id — the take leaves every list at once; the server keeps it and its files
 * for a grace period, so the Undo toast can bring it back.
 */
export function useDeleteJob() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (job: Job) => apiRequest<null>(jobPath(job.id), { method: 'DELETE' }),
    onSuccess: (_nothing, job) => {
      rememberDeleted(job)
      // A viewer still showing the take keeps its last copy until it moves on; nothing asks the
      // server for it again (a finished job is not polled), so no 404 follows the delete.
      queryClient.removeQueries({ queryKey: jobQueries.detail(job.id).queryKey, type: 'inactive' })
      return queryClient.invalidateQueries({ queryKey: jobQueries.lists() })
    },
  })
}

/** POST /api/jobs/:id/restore — Undo of a delete, while the server still keeps the take. */
export function useRestoreJob() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiRequest<Job>(`${jobPath(id)}/restore`, { method: 'POST' }),
    onSuccess: (job) => {
      forgetDeleted(job.id)
      queryClient.setQueryData(jobQueries.detail(job.id).queryKey, job)
      return queryClient.invalidateQueries({ queryKey: jobQueries.lists() })
    },
  })
}
