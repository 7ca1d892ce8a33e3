import { useEffect, useRef } from 'react'
import type { Job } from '../../../../contract/job'
import { Button } from '../../../components/ui/button'
import { Transport } from '../../../components/ui/transport'
import { useDeleteJob } from '../../../lib/job-mutations'
import { firstLine } from '../../../lib/job-words'
import { useTransportKeys } from '../../../lib/transport-keys'
import { useVideoSync } from '../../../lib/use-video-sync'
import { ExportNotesMenu } from '../../review/export-notes-menu'
import { NotesPanel } from '../../review/notes-panel'
import { ReviewStage } from '../../review/review-stage'
import { TimelineMarkers } from '../../review/timeline-markers'
import { useTakeReview } from '../../review/use-take-review'
import { VerdictBar } from '../../review/verdict-bar'
import { UndoToasts } from '../undo-toasts'
import type { TakeViewerProps } from './take-viewer'
import { TakeActions } from './take-actions'
import { TakeInfo } from './take-info'
import { TakeLineage } from './take-lineage'
import { TakeSiblings } from './take-siblings'
import { TakeStage } from './take-stage'
import { useSiblings } from './use-siblings'

const HINTS =
  'Space play/pause · J K L shuttle · , . one frame · Home End · N note · O H X verdict · ← → previous/next take · ↑ ↓ takes of this submit · Delete cull · Esc close'

/** The viewer for one take; keyed by the take, so its player starts fresh for each. */
export function ViewerContent({
  job,
  order,
  onNavigate,
  onClose,
}: { job: Job } & Omit<TakeViewerProps, 'id'>) {
  const sync = useVideoSync()
  const root = useRef<HTMLDivElement>(null)
  const stage = useRef<HTMLDivElement>(null)
  useEffect(() => stage.current?.focus(), [])
  const siblings = useSiblings(job)
  const remove = useDeleteJob()
  const review = useTakeReview(job, sync)
  const done = job.status === 'completed'

  const index = order.findIndex((other) => other.id === job.id)
  const step = (delta: number) => (index >= 0 ? (order[index + delta]?.id ?? null) : null)
  const at = siblings.findIndex((other) => other.id === job.id)
  const sibling = (delta: number) => siblings[at + delta]?.id ?? null
  // Culling: the next take takes the deleted one's place, and the viewer stays open.
  const cull = () => {
    const next = step(1) ?? step(-1)
    remove.mutate(job, { onSuccess: () => (next ? onNavigate(next) : onClose()) })
  }

  useTransportKeys(sync, root, (event) => {
    if (review.onKey(event)) return true
    const moves: Record<string, () => string | null> = {
      ArrowLeft: () => step(-1),
      ArrowRight: () => step(1),
      ArrowUp: () => sibling(-1),
      ArrowDown: () => sibling(1),
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      if (!remove.isPending) cull()
      return true
    }
    const next = moves[event.key]?.()
    if (next) onNavigate(next)
    return Boolean(next)
  })

  return (
    <div
      ref={root}
      className="flex h-full flex-col overflow-y-auto lg:grid lg:grid-cols-[minmax(0,1fr)_22rem] lg:overflow-hidden"
    >
      <div className="flex shrink-0 flex-col bg-black lg:min-h-0">
        <div
          ref={stage}
          tabIndex={-1}
          aria-label="Player"
          // On a phone the stage has the take's shape (at most 60 % of the screen), so the
          // transport sits right under the picture.
          style={{ aspectRatio: job.size.replace('x', ' / ') }}
          className="relative flex max-h-[60dvh] w-full items-center justify-center outline-none lg:aspect-auto! lg:max-h-none lg:min-h-0 lg:flex-1"
        >
          <TakeStage job={job} sync={sync} />
          {done && <ReviewStage job={job} sync={sync} review={review} />}
        </div>
        {done && (
          <Transport sync={sync} markers={<TimelineMarkers notes={review.notes} sync={sync} />} />
        )}
      </div>
      <aside
        aria-label="About this take"
        className="flex flex-col border-t border-border bg-surface lg:min-h-0 lg:overflow-y-auto lg:border-t-0 lg:border-l"
      >
        <header className="flex items-start gap-2 border-b border-border px-4 py-3">
          <div className="min-w-0 flex-1 space-y-1">
            <h2 dir="auto" className="truncate text-sm font-medium text-text">
              {firstLine(job.prompt)}
            </h2>
            <TakeSiblings job={job} siblings={siblings} onNavigate={onNavigate} />
          </div>
          <Button size="sm" variant="ghost" onClick={onClose} aria-keyshortcuts="Escape">
            Close
          </Button>
        </header>
        {done && (
          <VerdictBar
            verdict={review.verdict}
            // Whoever gave the take's saved verdict; not a verdict still being saved.
            by={review.verdict === job.verdict ? job.verdictBy : null}
            onChange={review.setVerdict}
            pending={review.verdictSaving}
            error={review.verdictError}
          />
        )}
        {done && (
          <NotesPanel
            jobId={job.id}
            notes={review.notes}
            error={review.error}
            sync={sync}
            drafting={review.drafting}
            actions={
              review.notes.length > 0 && (
                <ExportNotesMenu scope={{ job: [job.id] }} size="xs" />
              )
            }
          />
        )}
        <TakeActions
          job={job}
          sync={sync}
          onClose={onClose}
          onNavigate={onNavigate}
          onDelete={cull}
          deleting={remove.isPending}
        />
        {remove.error && (
          <p role="alert" className="px-4 py-2 text-xs text-danger">
            Could not delete: {remove.error.message}
          </p>
        )}
        <TakeInfo job={job} />
        <TakeLineage job={job} onNavigate={onNavigate} />
        <p className="mt-auto px-4 py-3 text-[11px] leading-4 text-text-subtle pointer-coarse:hidden">
          {HINTS}
        </p>
      </aside>
      <UndoToasts />
    </div>
  )
}
