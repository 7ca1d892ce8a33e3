import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { Job } from '../../../../contract/job'
import { Button } from '../../../components/ui/button'
import { Transport } from '../../../components/ui/transport'
import { firstLine } from '../../../lib/job-words'
import { handleTransportKey, isOwnKey } from '../../../lib/transport-keys'
import { useVideoSync } from '../../../lib/use-video-sync'
import type { TakeViewerProps } from './take-viewer'
import { TakeActions } from './take-actions'
import { TakeInfo } from './take-info'
import { TakeLineage } from './take-lineage'
import { TakeStage } from './take-stage'

/** The viewer for one take; keyed by the take, so its player starts fresh for each. */
export function ViewerContent({
  job,
  order,
  onNavigate,
  onClose,
  onDeleted,
}: { job: Job } & Omit<TakeViewerProps, 'id'>) {
  const sync = useVideoSync()
  const stage = useRef<HTMLDivElement>(null)
  useEffect(() => stage.current?.focus(), [])

  const index = order.findIndex((other) => other.id === job.id)
  const step = (delta: number) => order[index + delta]?.id ?? null
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (handleTransportKey(event, sync) || isOwnKey(event)) return
    const next = event.key === 'ArrowLeft' ? step(-1) : event.key === 'ArrowRight' ? step(1) : null
    if (next && index >= 0) {
      event.preventDefault()
      onNavigate(next)
    }
  }

  return (
    <div
      onKeyDown={onKeyDown}
      className="grid h-full grid-rows-[minmax(0,1fr)_auto] lg:grid-cols-[minmax(0,1fr)_22rem] lg:grid-rows-1"
    >
      <div className="flex min-h-[50dvh] flex-col bg-black">
        <div
          ref={stage}
          tabIndex={-1}
          aria-label="Player"
          className="relative flex min-h-0 flex-1 items-center justify-center outline-none"
        >
          <TakeStage job={job} sync={sync} />
        </div>
        {job.status === 'completed' && <Transport sync={sync} />}
      </div>
      <aside
        aria-label="About this take"
        className="flex min-h-0 flex-col overflow-y-auto border-border bg-surface lg:border-l"
      >
        <header className="flex items-start gap-2 border-b border-border px-4 py-3">
          <div className="min-w-0 flex-1">
            <h2 className="truncate text-sm font-medium text-text">{firstLine(job.prompt)}</h2>
            {index >= 0 && (
              <p className="text-xs text-text-subtle">
                Take {index + 1} of {order.length}
              </p>
            )}
          </div>
          <Button size="sm" variant="ghost" onClick={onClose} aria-keyshortcuts="Escape">
            Close
          </Button>
        </header>
        <TakeActions
          job={job}
          sync={sync}
          onClose={onClose}
          onNavigate={onNavigate}
          onDeleted={() => onDeleted(step(1) ?? step(-1))}
        />
        <TakeInfo job={job} />
        <TakeLineage job={job} onNavigate={onNavigate} />
        <p className="mt-auto px-4 py-3 text-[11px] leading-4 text-text-subtle">
          Space play/pause · J L back/forward 1 s · , . one frame · ← → previous/next take · Esc
          close
        </p>
      </aside>
    </div>
  )
}
