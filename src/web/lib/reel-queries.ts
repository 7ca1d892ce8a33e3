import { queryOptions } from '@tanstack/react-query'
import type { ReelDetail, ReelList } from '../../contract/reels'
import { isExportRunning } from '../../contract/reel-rules'
import { apiRequest } from './api-client'

export const reelPath = (id: string) => `/api/reels/${encodeURIComponent(id)}`

/** How often a reel is read again while its export runs (its progress). */
const EXPORT_POLL_MS = 700

export const reelQueries = {
  all: () => ['reels'] as const,
  list: () =>
    queryOptions({
      queryKey: [...reelQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => apiRequest<ReelList>('/api/reels', { signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...reelQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => apiRequest<ReelDetail>(reelPath(id), { signal }),
      refetchInterval: (query) =>
        query.state.data && isExportRunning(query.state.data) ? EXPORT_POLL_MS : false,
    }),
}
