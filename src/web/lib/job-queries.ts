import { queryOptions } from '@tanstack/react-query'
import { jobListSchema } from '../../contract/api'
import { isTerminal, jobSchema, type Job, type JobStatus } from '../../contract/job'
import { apiRequest } from './api-client'

export interface JobFilters {
  status?: JobStatus
  q?: string
  group?: string
  limit?: number
}

function listPath(filters: JobFilters, cursor?: string): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...filters, cursor })) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const query = params.toString()
  return query ? `/api/jobs?${query}` : '/api/jobs'
}

export function listJobs(filters: JobFilters, cursor?: string, signal?: AbortSignal) {
  return apiRequest(listPath(filters, cursor), jobListSchema, { signal })
}

export function getJob(id: string, signal?: AbortSignal): Promise<Job> {
  return apiRequest(`/api/jobs/${encodeURIComponent(id)}`, jobSchema, { signal })
}

/** How soon to look again at a job: quick while it moves, never once it is done. */
export function pollDelay(job: Job | undefined): number | false {
  if (!job) return 1000
  if (isTerminal(job.status)) return false
  if (job.status === 'archiving' || job.status === 'submitting') return 500
  return job.status === 'queued' ? 2000 : 1000
}

export const jobQueries = {
  all: () => ['jobs'] as const,
  lists: () => [...jobQueries.all(), 'list'] as const,
  list: (filters: JobFilters) =>
    queryOptions({
      queryKey: [...jobQueries.lists(), filters] as const,
      queryFn: ({ signal }) => listJobs(filters, undefined, signal),
    }),
  details: () => [...jobQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...jobQueries.details(), id] as const,
      queryFn: ({ signal }) => getJob(id, signal),
      refetchInterval: (query) => pollDelay(query.state.data),
    }),
}
