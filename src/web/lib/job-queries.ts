import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { jobListSchema, type JobList } from '../../contract/api'
import type { ModelId, Size } from '../../contract/capabilities'
import { isTerminal, jobSchema, type Job, type JobStatus } from '../../contract/job'
import { apiRequest } from './api-client'

export interface JobFilters {
  status?: JobStatus
  model?: ModelId
  size?: Size
  q?: string
  group?: string
  /** Remixes of one take. The server does not filter on it yet; see `matchesFilters`. */
  remixOf?: string
  limit?: number
}

/** The statuses of a job still on its way; the queue shows these. */
export const ACTIVE_STATUSES = ['submitting', 'queued', 'in_progress', 'archiving'] as const
export const GALLERY_PAGE_SIZE = 60
/**
 * How often the queue looks for jobs started elsewhere (another tab, the API): often while
 * something renders, now and then when nothing does. Jobs started here join at once.
 */
const ACTIVE_LIST_INTERVAL = { busy: 5000, idle: 15_000 }

function listPath(filters: JobFilters, cursor?: string): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...filters, cursor })) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const query = params.toString()
  return query ? `/api/jobs?${query}` : '/api/jobs'
}

/**
 * Whether a job belongs under the filters. The server applies them too; this keeps a page right
 * when it ignores one it does not know yet (remixOf).
 */
export function matchesFilters(job: Job, filters: JobFilters): boolean {
  if (filters.status && job.status !== filters.status) return false
  if (filters.model && job.model !== filters.model) return false
  if (filters.size && job.size !== filters.size) return false
  if (filters.group && job.group !== filters.group) return false
  if (filters.remixOf && job.remixOf !== filters.remixOf) return false
  const q = filters.q?.trim().toLowerCase()
  return !q || job.prompt.toLowerCase().includes(q)
}

export async function listJobs(
  filters: JobFilters,
  cursor?: string,
  signal?: AbortSignal,
): Promise<JobList> {
  const page = await apiRequest(listPath(filters, cursor), jobListSchema, { signal })
  return { ...page, items: page.items.filter((job) => matchesFilters(job, filters)) }
}

export function getJob(id: string, signal?: AbortSignal): Promise<Job> {
  return apiRequest(`/api/jobs/${encodeURIComponent(id)}`, jobSchema, { signal })
}

/** Every unfinished job, newest first: one request per active status, as `status` takes one. */
async function listActiveJobs(signal: AbortSignal): Promise<Job[]> {
  const pages = await Promise.all(
    ACTIVE_STATUSES.map((status) => listJobs({ status, limit: 100 }, undefined, signal)),
  )
  return pages.flatMap((page) => page.items).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** How soon to look again at a job: quick while it moves, never once it is done. */
export function pollDelay(job: Job | undefined): number | false {
  if (!job) return 1000
  if (isTerminal(job.status)) return false
  if (job.status === 'archiving' || job.status === 'submitting') return 500
  return job.status === 'queued' ? 2000 : 1000
}

// A hidden tab keeps polling, so it can count finished takes in its title, but more slowly.
const HIDDEN_SLOWDOWN = 3

export const jobQueries = {
  all: () => ['jobs'] as const,
  lists: () => [...jobQueries.all(), 'list'] as const,
  list: (filters: JobFilters) =>
    queryOptions({
      queryKey: [...jobQueries.lists(), filters] as const,
      queryFn: ({ signal }) => listJobs(filters, undefined, signal),
    }),
  /** The render queue. Under `lists()`, so invalidating the lists refreshes it as well. */
  active: () =>
    queryOptions({
      queryKey: [...jobQueries.lists(), 'active'] as const,
      queryFn: ({ signal }) => listActiveJobs(signal),
      refetchInterval: (query) =>
        query.state.data?.length ? ACTIVE_LIST_INTERVAL.busy : ACTIVE_LIST_INTERVAL.idle,
    }),
  /** The gallery: cursor pages, newest first. */
  gallery: (filters: Omit<JobFilters, 'limit'>) =>
    infiniteQueryOptions({
      queryKey: [...jobQueries.lists(), 'gallery', filters] as const,
      queryFn: ({ pageParam, signal }) =>
        listJobs({ ...filters, limit: GALLERY_PAGE_SIZE }, pageParam ?? undefined, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextCursor,
    }),
  details: () => [...jobQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...jobQueries.details(), id] as const,
      queryFn: ({ signal }) => getJob(id, signal),
      refetchInterval: (query) => {
        const delay = pollDelay(query.state.data)
        return delay && document.hidden ? delay * HIDDEN_SLOWDOWN : delay
      },
      refetchIntervalInBackground: true,
    }),
}
