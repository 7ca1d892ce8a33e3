import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { JobList, ListJobsQuery, Spend } from '../../contract/api'
import { LIST_LIMIT_MAX } from '../../contract/list-limit'
import type { Job } from '../../contract/job'
import { ACTIVE_STATUSES, isTerminal } from '../../contract/job-status'
import { apiRequest } from './api-client'

/** The filters of GET /api/jobs, as the contract defines them; the server applies every one. */
export type JobFilters = Omit<ListJobsQuery, 'cursor' | 'limit'> & { limit?: number }

export const GALLERY_PAGE_SIZE = 60
/**
 * How often the queue looks for jobs started elsewhere (another tab, the API): often while
 * something renders, now and then when nothing does. Jobs started here join at once.
 */
const ACTIVE_LIST_INTERVAL = { busy: 5000, idle: 15_000 }

function listPath(filters: JobFilters, cursor?: string): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...filters, cursor })) {
    // A list travels as a repeated parameter: status=queued&status=in_progress.
    for (const item of [value ?? []].flat()) {
      if (item !== '') params.append(key, String(item))
    }
  }
  const query = params.toString()
  return query ? `/api/jobs?${query}` : '/api/jobs'
}

export async function listJobs(
  filters: JobFilters,
  cursor?: string,
  signal?: AbortSignal,
): Promise<JobList> {
  return apiRequest<JobList>(listPath(filters, cursor), { signal })
}

export function getJob(id: string, signal?: AbortSignal): Promise<Job> {
  return apiRequest<Job>(`/api/jobs/${encodeURIComponent(id)}`, { signal })
}

/** Every unfinished job, newest first, in one request. */
async function listActiveJobs(signal: AbortSignal): Promise<Job[]> {
  const page = await listJobs(
    { status: [...ACTIVE_STATUSES], limit: LIST_LIMIT_MAX },
    undefined,
    signal,
  )
  return page.items
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
  /**
   * What the takes started since an instant cost, added up by the server. Under `lists()`, so
   * whatever refreshes the lists (a take started, finished, deleted or restored) refreshes it.
   */
  spend: (since: string) =>
    queryOptions({
      queryKey: [...jobQueries.lists(), 'spend', since] as const,
      queryFn: ({ signal }) =>
        apiRequest<Spend>(`/api/spend?${new URLSearchParams({ since }).toString()}`, { signal }),
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
