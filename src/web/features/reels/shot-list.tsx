import { useRef, useState, type KeyboardEvent } from 'react'
import type { Job } from '../../../contract/job'
import type { ReelDetail } from '../../../contract/reels'
import { cn } from '../../components/ui/cn'
import { firstLine } from '../../lib/job-words'
import { useRemoveShot, useReorderReel } from '../../lib/reel-mutations'
import { moveItem } from './move-item'

/**
 * The reel's shots in play order. A click jumps the player to a shot. Reorder by dragging a
 * shot, or from the keyboard with Alt+↑ / Alt+↓ on a focused shot; a live region says where it
 * went. Each shot can be taken out of the reel (the take itself stays).
 */
export function ShotList({ reel, current, onJump }: { reel: ReelDetail; current: string | null; onJump: (jobId: string) => void }) {
  const reorder = useReorderReel()
  const remove = useRemoveShot()
  const [announcement, setAnnouncement] = useState('')
  const [dragged, setDragged] = useState<string | null>(null)
  const [dropAt, setDropAt] = useState<number | null>(null)
  const list = useRef<HTMLOListElement>(null)
  const takes = new Map(reel.takes.map((take) => [take.id, take]))
  const count = reel.jobIds.length

  const nameOf = (jobId: string) => {
    const take = takes.get(jobId)
    return take ? `Take ${take.take}` : 'The deleted take'
  }
  const move = (jobId: string, to: number) => {
    const from = reel.jobIds.indexOf(jobId)
    if (from < 0 || to < 0 || to >= count || from === to) return
    reorder.mutate({ id: reel.id, jobIds: moveItem(reel.jobIds, from, to) })
    setAnnouncement(`${nameOf(jobId)} moved to position ${to + 1} of ${count}`)
  }
  const onKeyDown = (event: KeyboardEvent, jobId: string, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
    event.preventDefault()
    move(jobId, event.key === 'ArrowUp' ? index - 1 : index + 1)
    // The focus stays on the shot that moved, in its new place.
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-shot-id="${jobId}"]`)?.focus())
  }

  return (
    <section aria-labelledby="shots-heading" className="border-b border-border p-3">
      <div className="mb-2 flex items-baseline gap-2 px-1">
        <h3 id="shots-heading" className="text-xs font-medium tracking-label text-text-muted uppercase">
          Shots
        </h3>
        <p id="shots-hint" className="text-[11px] text-text-subtle pointer-coarse:hidden">
          drag, or Alt+↑ ↓ to reorder
        </p>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {(reorder.error ?? remove.error) && (
        <p role="alert" className="px-1 pb-2 text-xs text-danger">
          {reorder.error ? `Not reordered: ${reorder.error.message}` : `Not removed: ${remove.error?.message}`}
        </p>
      )}
      <ol ref={list} aria-label="Shots" className="space-y-1" onDragLeave={() => setDropAt(null)}>
        {reel.jobIds.map((jobId, index) => {
          const take = takes.get(jobId)
          return (
            <li
              key={jobId}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move'
                event.dataTransfer.setData('text/plain', jobId)
                setDragged(jobId)
              }}
              onDragEnd={() => {
                setDragged(null)
                setDropAt(null)
              }}
              onDragOver={(event) => {
                if (!dragged) return
                event.preventDefault()
                setDropAt(index)
              }}
              onDrop={(event) => {
                event.preventDefault()
                if (dragged) move(dragged, index)
                setDragged(null)
                setDropAt(null)
              }}
              className={cn(
                'group flex items-center gap-1 rounded-md border',
                jobId === current ? 'border-accent/50 bg-accent/10' : 'border-transparent',
                dropAt === index && dragged !== jobId && 'border-t-accent',
                dragged === jobId && 'opacity-50',
              )}
            >
              <span aria-hidden="true" className="cursor-grab px-1 text-text-subtle select-none">
                ⋮⋮
              </span>
              <button
                type="button"
                data-shot-id={jobId}
                aria-current={jobId === current ? 'true' : undefined}
                aria-describedby="shots-hint"
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                disabled={!take}
                onClick={() => onJump(jobId)}
                onKeyDown={(event) => onKeyDown(event, jobId, index)}
                className="flex min-w-0 flex-1 items-center gap-2 rounded py-1.5 pr-1 text-left disabled:opacity-60"
              >
                <span className="w-5 shrink-0 text-right font-mono text-xs text-text-subtle">{index + 1}</span>
                <ShotThumb take={take} />
                <span className="min-w-0 flex-1">
                  <span className="block text-xs text-text">
                    {take ? `Take ${take.take} · ${take.seconds} s` : 'Deleted take'}
                  </span>
                  <span dir="auto" className="block truncate text-[11px] text-text-muted">
                    {take ? firstLine(take.prompt) : 'It is no longer in the studio: remove it'}
                  </span>
                </span>
              </button>
              <button
                type="button"
                aria-label={`Remove shot ${index + 1} from the reel`}
                title="Remove from the reel"
                onClick={() => remove.mutate({ id: reel.id, jobId })}
                className="mr-1 rounded px-1.5 py-1 text-text-subtle hover:bg-surface-raised hover:text-text"
              >
                ×
              </button>
            </li>
          )
        })}
      </ol>
    </section>
  )
}

function ShotThumb({ take }: { take: Job | undefined }) {
  const thumbnail = take?.media?.thumbnail
  return (
    <span className="flex h-9 w-16 shrink-0 items-center justify-center overflow-hidden rounded-sm bg-black">
      {thumbnail && <img src={thumbnail} alt="" loading="lazy" className="max-h-full max-w-full object-contain" />}
    </span>
  )
}
