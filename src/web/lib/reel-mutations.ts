import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CreateReelRequest, ExportReelRequest, ReelDetail } from '../../contract/reels'
import { apiRequest } from './api-client'
import { reelPath, reelQueries } from './reel-queries'

const JSON_HEADERS = { 'content-type': 'application/json' }

const send = (path: string, method: string, body?: object) =>
  apiRequest<ReelDetail>(path, {
    method,
    ...(body ? { headers: JSON_HEADERS, body: JSON.stringify(body) } : {}),
  })

/** Every reel change answers with the reel: it goes straight into the cache, and the list catches up. */
function useReelChange<V>(change: (vars: V) => Promise<ReelDetail>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: (reel) => {
      queryClient.setQueryData(reelQueries.detail(reel.id).queryKey, reel)
      return queryClient.invalidateQueries({ queryKey: reelQueries.list().queryKey })
    },
  })
}

/** POST /api/reels — a reel of these takes (in this order), or of a group. */
export const useCreateReel = () =>
  useReelChange((request: CreateReelRequest) => send('/api/reels', 'POST', request))

export const useRenameReel = () =>
  useReelChange(({ id, name }: { id: string; name: string }) =>
    send(reelPath(id), 'PATCH', { name }),
  )

/** PUT …/shots — the same takes in a new order. The cache shows the new order at once. */
export function useReorderReel() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, jobIds }: { id: string; jobIds: string[] }) =>
      send(`${reelPath(id)}/shots`, 'PUT', { jobIds }),
    onMutate: ({ id, jobIds }) => {
      const key = reelQueries.detail(id).queryKey
      const before = queryClient.getQueryData(key)
      if (before) {
        const byId = new Map(before.takes.map((take) => [take.id, take]))
        const takes = jobIds.flatMap((jobId) => byId.get(jobId) ?? [])
        queryClient.setQueryData(key, { ...before, jobIds, takes })
      }
      return { before }
    },
    onError: (_error, { id }, context) => {
      if (context?.before) queryClient.setQueryData(reelQueries.detail(id).queryKey, context.before)
    },
    onSuccess: (reel) => queryClient.setQueryData(reelQueries.detail(reel.id).queryKey, reel),
  })
}

export const useRemoveShot = () =>
  useReelChange(({ id, jobId }: { id: string; jobId: string }) =>
    send(`${reelPath(id)}/shots/${encodeURIComponent(jobId)}`, 'DELETE'),
  )

export const useExportReel = () =>
  useReelChange(({ id, options }: { id: string; options: ExportReelRequest }) =>
    send(`${reelPath(id)}/export`, 'POST', options),
  )

export function useDeleteReel() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiRequest<null>(reelPath(id), { method: 'DELETE' }),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: reelQueries.detail(id).queryKey })
      return queryClient.invalidateQueries({ queryKey: reelQueries.list().queryKey })
    },
  })
}
