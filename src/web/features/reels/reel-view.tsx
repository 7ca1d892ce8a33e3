import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from '../../components/ui/button'
import { Dialog } from '../../components/ui/dialog'
import { useDeleteReel } from '../../lib/reel-mutations'
import { reelQueries } from '../../lib/reel-queries'
import { ShareButton } from '../share/share-button'
import { ExportPanel } from './export-panel'
import { ReelName } from './reel-name'
import { ReelPlayer } from './reel-player'
import { ShotList } from './shot-list'

/** One reel: played straight through, its shots beside it (reorder, remove), and its export. */
export function ReelView({ id, onShowAll, onClose }: { id: string; onShowAll: () => void; onClose: () => void }) {
  const reel = useQuery(reelQueries.detail(id))
  const [currentId, setCurrentId] = useState<string | null>(null)
  const remove = useDeleteReel()
  const data = reel.data
  const playable = data?.takes ?? []
  const seconds = playable.reduce((total, take) => total + take.seconds, 0)
  // The shot playing is followed by its take, so a reorder does not change what plays.
  const current = Math.max(0, playable.findIndex((take) => take.id === currentId))
  return (
    <Dialog
      open
      onClose={onClose}
      dismissOnBackdrop={false}
      aria-labelledby="reel-heading"
      fullScreen
    >
      <div className="flex h-full flex-col">
        <header className="flex min-h-11 shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b border-border bg-surface px-4 py-1.5">
          <h2 id="reel-heading" className="sr-only">
            Reel {data?.name ?? ''}
          </h2>
          {data && <ReelName reel={data} />}
          {data && (
            <p className="text-xs text-text-subtle">
              {data.jobIds.length} {data.jobIds.length === 1 ? 'shot' : 'shots'} · {seconds} s
            </p>
          )}
          <div className="ml-auto flex gap-1">
            {data && <ShareButton share={{ kind: 'reel', reelId: data.id }} what={`the reel "${data.name}"`} />}
            <Button size="sm" variant="ghost" onClick={onShowAll}>
              All reels
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={!data || remove.isPending}
              onClick={() => {
                if (data && window.confirm(`Delete the reel "${data.name}"? Its takes stay.`)) {
                  remove.mutate(data.id, { onSuccess: onShowAll })
                }
              }}
            >
              Delete reel
            </Button>
            <Button size="sm" variant="ghost" onClick={onClose} aria-keyshortcuts="Escape">
              Close
            </Button>
          </div>
        </header>
        {(reel.error ?? remove.error) && (
          <p role="alert" className="px-4 py-2 text-sm text-danger">
            {reel.error ? `This reel cannot be shown: ${reel.error.message}` : `Could not delete the reel: ${remove.error?.message}`}
          </p>
        )}
        {data && (
          <div className="grid min-h-0 flex-1 grid-cols-1 overflow-y-auto lg:grid-cols-[minmax(0,1fr)_22rem] lg:overflow-hidden">
            <ReelPlayer
              takes={playable}
              current={current}
              onCurrent={(index) => setCurrentId(playable[index]?.id ?? null)}
            />
            <aside aria-label="Shots and export" className="flex min-h-0 flex-col border-border lg:overflow-y-auto lg:border-l">
              <ShotList reel={data} current={playable[current]?.id ?? null} onJump={setCurrentId} />
              <ExportPanel reel={data} />
            </aside>
          </div>
        )}
      </div>
    </Dialog>
  )
}
