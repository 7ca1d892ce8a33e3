import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { Job } from '../../../contract/job'
import { isCancellable, isTerminal } from '../../../contract/job-status'
import { Button } from '../../components/ui/button'
import { useCancelJob } from '../../lib/job-mutations'
import { Progress } from '../../components/ui/progress'
import { ApiError } from '../../../contract/errors'
import { jobQueries } from '../../lib/job-queries'
import { firstLine, formatClock, statusWords } from '../../lib/job-words'
import { useSettingsLine } from '../../lib/use-model-label'
import { useNow } from '../../lib/use-now'

interface QueueRowProps {
  job: Job
  onFinished: (job: Job) => void
  /** The job no longer exists (deleted elsewhere). */
  onGone: (id: string) => void
}

/** One job on its way: polled on its own, at the pace its state calls for, until it is done. */
export function QueueRow({ job: seed, onFinished, onGone }: QueueRowProps) {
  const settingsLine = useSettingsLine()
  const { data: job, error } = useQuery({ ...jobQueries.detail(seed.id), initialData: seed })
  const now = useNow()
  const cancel = useCancelJob()

  useEffect(() => {
    if (isTerminal(job.status)) onFinished(job)
  }, [job, onFinished])
  useEffect(() => {
    if (error instanceof ApiError && error.status === 404) onGone(seed.id)
  }, [error, onGone, seed.id])

  const title = firstLine(job.prompt)
  const elapsed = (now - Date.parse(job.createdAt)) / 1000
  return (
    <li
      className="grid grid-cols-[minmax(0,1fr)_9rem_3rem_3rem_4.5rem] items-center gap-x-4 px-5 py-1.5"
      aria-label={title}
    >
      <div className="min-w-0">
        <div className="flex min-w-0 items-baseline gap-2">
          <span className="truncate text-text" title={job.prompt}>
            {title}
          </span>
          {job.remixOf && (
            <span className="shrink-0 rounded border border-border-strong px-1 text-[11px] leading-4 text-text-muted">
              remix
            </span>
          )}
        </div>
        <p className="flex gap-3 truncate text-xs text-text-subtle">
          <span className="text-text-muted">{statusWords(job.status)}</span>
          <span>{settingsLine(job)}</span>
        </p>
        {cancel.error && (
          <p role="alert" className="truncate text-xs text-danger">
            {cancel.error.message}
          </p>
        )}
      </div>
      <Progress value={job.progress} aria-label={`${title}: progress`} />
      <span className="text-right font-mono text-xs text-text-muted tabular-nums">
        {Math.round(job.progress)}%
      </span>
      <span
        className="text-right font-mono text-xs text-text-muted tabular-nums"
        aria-label={`Elapsed ${formatClock(elapsed)}`}
      >
        {formatClock(elapsed)}
      </span>
      {isCancellable(job.status) ? (
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Cancel ${title}`}
          disabled={cancel.isPending}
          onClick={() => cancel.mutate(job.id)}
        >
          Cancel
        </Button>
      ) : (
        <span />
      )}
    </li>
  )
}
