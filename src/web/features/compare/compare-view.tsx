import { useQueries } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import type { Job } from '../../../contract/job'
import { Button } from '../../components/ui/button'
import { Dialog } from '../../components/ui/dialog'
import { Transport } from '../../components/ui/transport'
import { jobQueries } from '../../lib/job-queries'
import { useTransportKeys } from '../../lib/transport-keys'
import { useVideoSync } from '../../lib/use-video-sync'
import { CompareGrid } from './compare-grid'
import { CompareModeBar } from './compare-mode-bar'
import { CompareStack } from './compare-stack'
import type { CaptionReview } from './take-caption'
import { useCompareMode } from './use-compare-mode'
import { useCompareVerdicts } from './use-compare-verdicts'

const HINTS: Record<string, string> = {
  side: 'words changed against the first are marked',
  wipe: 'drag the divider, or ← → when it has the focus',
  flip: 'F shows the other take in place',
  difference: 'black where the takes match',
  overlay: 'take 2 over take 1',
}

/**
 * 2–4 takes on one clock (one play/pause, seek bar, loop, speed, mute): side by side, or two in one
 * frame — wipe, flip, difference, overlay. The mode is in the URL, so a reload keeps it.
 */
export function CompareView({ ids, onClose }: { ids: string[]; onClose: () => void }) {
  const results = useQueries({ queries: ids.map((id) => jobQueries.detail(id)) })
  const failed = results.find((result) => result.error)?.error
  const jobs = results.map((result) => result.data).filter((job): job is Job => Boolean(job))
  const sync = useVideoSync()
  const view = useCompareMode(ids.length)
  const stage = useRef<HTMLDivElement>(null)
  useEffect(() => stage.current?.focus(), [])
  const verdicts = useCompareVerdicts()
  // In flip, the verdict keys act on the take in view; else on the one picked with 1–4.
  const target = view.mode === 'flip' ? view.shown : verdicts.selected
  useTransportKeys(sync, stage, (event) => {
    if (event.key.toLowerCase() === 'f' && ids.length === 2) {
      view.flip()
      return true
    }
    const slot = Number(event.key) - 1
    if (view.mode === 'flip' && (slot === 0 || slot === 1)) view.show(slot)
    return verdicts.onKey(event, jobs.length, target)
  })
  const reviewOf = (_job: Job, index: number): CaptionReview => ({
    targeted: index === target,
    toggles: verdicts.toggles,
    onPick: () => {
      verdicts.select(index)
      if (view.mode === 'flip' && (index === 0 || index === 1)) view.show(index)
    },
  })
  const [first, second] = jobs
  const together = view.mode !== 'side' && first && second && jobs.length === 2
  return (
    <Dialog
      open
      onClose={onClose}
      dismissOnBackdrop={false}
      aria-labelledby="compare-heading"
      fullScreen
    >
      <div className="flex h-full flex-col">
        <header className="flex min-h-11 shrink-0 flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-border bg-surface px-4 py-1.5">
          <h2 id="compare-heading" className="text-sm font-medium text-text">
            Compare {ids.length} takes
          </h2>
          <Button
            size="sm"
            variant="ghost"
            className="ml-auto lg:order-last"
            onClick={onClose}
            aria-keyshortcuts="Escape"
          >
            Close
          </Button>
          {ids.length === 2 && (
            <div className="order-last basis-full lg:order-none lg:basis-auto">
              <CompareModeBar view={view} />
            </div>
          )}
          <p className="hidden text-xs text-text-subtle xl:block pointer-coarse:hidden">
            Space play/pause · J K L shuttle · , . one frame · 1–{ids.length} O H X verdict ·{' '}
            {HINTS[view.mode]}
          </p>
        </header>
        {failed && (
          <p role="alert" className="px-4 py-2 text-sm text-danger">
            A take cannot be shown: {failed.message}
          </p>
        )}
        <div
          ref={stage}
          tabIndex={-1}
          aria-label="Compared takes"
          className="flex min-h-0 flex-1 flex-col outline-none"
        >
          {together ? (
            <CompareStack
              key="stack"
              jobs={[first, second]}
              sync={sync}
              view={view}
              reviewOf={reviewOf}
            />
          ) : (
            <CompareGrid key="grid" jobs={jobs} sync={sync} reviewOf={reviewOf} />
          )}
        </div>
        <Transport sync={sync} />
      </div>
    </Dialog>
  )
}
