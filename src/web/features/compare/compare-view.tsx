import { useQueries } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { Button } from '../../components/ui/button'
import { cn } from '../../components/ui/cn'
import { Dialog } from '../../components/ui/dialog'
import { Transport } from '../../components/ui/transport'
import { jobQueries } from '../../lib/job-queries'
import { useTransportKeys } from '../../lib/transport-keys'
import { useVideoSync } from '../../lib/use-video-sync'
import { ComparePlayer } from './compare-player'

const GRID: Record<number, string> = {
  2: 'lg:grid-cols-2',
  3: 'lg:grid-cols-3',
  4: 'lg:grid-cols-2 lg:grid-rows-2',
}

/** 2–4 takes side by side on one clock: one play/pause, one seek bar, loop, speed, mute. */
export function CompareView({ ids, onClose }: { ids: string[]; onClose: () => void }) {
  const results = useQueries({ queries: ids.map((id) => jobQueries.detail(id)) })
  const failed = results.find((result) => result.error)?.error
  const sync = useVideoSync()
  const stage = useRef<HTMLDivElement>(null)
  useEffect(() => stage.current?.focus(), [])
  useTransportKeys(sync, stage)
  const base = results[0]?.data?.prompt ?? ''
  return (
    <Dialog
      open
      onClose={onClose}
      dismissOnBackdrop={false}
      aria-labelledby="compare-heading"
      className="m-0 h-dvh max-h-none w-screen max-w-none rounded-none border-0 bg-bg"
    >
      <div className="flex h-full flex-col">
        <header className="flex h-11 shrink-0 items-center gap-3 border-b border-border bg-surface px-4">
          <h2 id="compare-heading" className="text-sm font-medium text-text">
            Compare {ids.length} takes
          </h2>
          <p className="hidden text-xs text-text-subtle lg:block pointer-coarse:hidden">
            Space play/pause · J K L shuttle · , . one frame · Home End · words changed against the
            first are marked
          </p>
          <Button
            size="sm"
            variant="ghost"
            className="ml-auto"
            onClick={onClose}
            aria-keyshortcuts="Escape"
          >
            Close
          </Button>
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
          className={cn('grid min-h-0 flex-1 grid-cols-1 gap-2 p-2 outline-none', GRID[ids.length])}
        >
          {results.map(({ data: job }, index) =>
            job ? (
              <ComparePlayer
                key={job.id}
                job={job}
                index={index}
                basePrompt={index === 0 ? null : base}
                sync={sync}
              />
            ) : null,
          )}
        </div>
        <Transport sync={sync} />
      </div>
    </Dialog>
  )
}
