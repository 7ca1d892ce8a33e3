import { useQuery } from '@tanstack/react-query'
import type { Reel } from '../../../contract/reels'
import { Button } from '../../components/ui/button'
import { Dialog } from '../../components/ui/dialog'
import { Skeleton } from '../../components/ui/skeleton'
import { reelQueries } from '../../lib/reel-queries'

function exportWords(reel: Reel): string {
  switch (reel.export?.status) {
    case 'rendering':
      return `exporting ${Math.round(reel.export.progress)}%`
    case 'completed':
      return reel.export.stale ? 'exported (changed since)' : 'exported'
    case 'failed':
      return 'export failed'
    default:
      return 'not exported'
  }
}

/** Every reel, newest first: open one to play, reorder or export it. */
export function ReelList({ onOpen, onClose }: { onOpen: (id: string) => void; onClose: () => void }) {
  const reels = useQuery(reelQueries.list())
  return (
    <Dialog open onClose={onClose} aria-labelledby="reels-heading" className="w-[34rem]">
      <div className="flex items-center gap-3 border-b border-border px-4 py-3">
        <h2 id="reels-heading" className="text-sm font-medium">
          Reels
        </h2>
        <Button size="sm" variant="ghost" className="ml-auto" onClick={onClose} aria-keyshortcuts="Escape">
          Close
        </Button>
      </div>
      <div className="max-h-[70dvh] overflow-y-auto p-2">
        {reels.isPending && <Skeleton className="m-2 h-12" />}
        {reels.error && (
          <p role="alert" className="p-3 text-sm text-danger">
            Could not load the reels: {reels.error.message}
          </p>
        )}
        {reels.data?.items.length === 0 && (
          <p className="p-3 text-sm text-text-muted">
            No reels yet. Select takes in the gallery and press Make reel, or use Make reel on the takes of one submit.
          </p>
        )}
        <ul className="space-y-1">
          {reels.data?.items.map((reel) => (
            <li key={reel.id}>
              <button
                type="button"
                onClick={() => onOpen(reel.id)}
                className="flex w-full items-center gap-3 rounded-md px-3 py-2 text-left hover:bg-surface-raised"
              >
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-[13px] text-text">{reel.name}</span>
                  <span className="block text-xs text-text-subtle">
                    {reel.jobIds.length} {reel.jobIds.length === 1 ? 'shot' : 'shots'} · {exportWords(reel)}
                  </span>
                </span>
                <span aria-hidden="true" className="text-text-subtle">
                  ›
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  )
}
