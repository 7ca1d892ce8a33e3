import { useCallback, useEffect, useRef, useState } from 'react'
import type { Job } from '../../../contract/job'
import { FieldMessage } from '../../components/ui/field-message'
import { replaceUrlParams } from '../../lib/url-state'
import { FailedRow } from './failed-row'
import { NotifyButton } from './notify-button'
import { QueueRow } from './queue-row'
import { useFinishedTakes } from './use-finished-takes'
import { useRenderingTitle } from './use-rendering-title'
import { useWatchedJobs } from './use-watched-jobs'

/** RENDERING: every unfinished job, live, and the ones that failed a moment ago. */
export function RenderQueue() {
  const { jobs, error, release } = useWatchedJobs()
  const watching = useRef(jobs)
  useEffect(() => {
    watching.current = jobs
  })
  const siblingsRendering = useCallback(
    (job: Job) =>
      watching.current.some((other) => other.id !== job.id && other.group === job.group),
    [],
  )
  const { onFinished, announcement } = useFinishedTakes(siblingsRendering)
  useRenderingTitle(jobs)
  const [failed, setFailed] = useState<Job[]>([])

  const finish = useCallback(
    (job: Job) => {
      release(job.id)
      // A take cancelled on purpose leaves quietly: no "finished" word, no notification.
      if (job.status === 'cancelled') return
      onFinished(job)
      if (job.status === 'failed') {
        setFailed((current) => (current.some((j) => j.id === job.id) ? current : [job, ...current]))
      }
    },
    [release, onFinished],
  )
  const dismiss = useCallback((id: string) => {
    setFailed((current) => current.filter((job) => job.id !== id))
  }, [])
  // Failures that left the queue on their own, not yet looked at in the gallery.
  const [movedOn, setMovedOn] = useState(0)
  const moveOn = useCallback(
    (id: string) => {
      dismiss(id)
      setMovedOn((count) => count + 1)
    },
    [dismiss],
  )
  const showFailed = () => {
    replaceUrlParams({ status: 'failed' })
    setMovedOn(0)
  }

  return (
    <section
      aria-labelledby="render-queue-heading"
      className="shrink-0 border-b border-border bg-surface"
    >
      <div className="flex h-9 items-center gap-3 px-5">
        <h2
          id="render-queue-heading"
          className="text-xs font-medium tracking-label text-text-muted uppercase"
        >
          Rendering{jobs.length > 0 && ` (${jobs.length})`}
        </h2>
        {jobs.length === 0 && failed.length === 0 && (
          <p className="text-xs text-text-subtle">Nothing rendering</p>
        )}
        {movedOn > 0 && (
          <button
            type="button"
            onClick={showFailed}
            className="text-xs text-text-muted underline-offset-2 hover:text-text hover:underline"
          >
            <span className="text-danger">{movedOn} failed</span> · Show
          </button>
        )}
        <div className="ml-auto">
          <NotifyButton />
        </div>
      </div>
      {error && (
        <FieldMessage role="alert" className="px-5 pb-2">
          Could not load the queue: {error.message}
        </FieldMessage>
      )}
      {(jobs.length > 0 || failed.length > 0) && (
        <ul aria-label="Rendering" className="max-h-56 overflow-y-auto pb-1.5">
          {jobs.map((job) => (
            <QueueRow key={job.id} job={job} onFinished={finish} onGone={release} />
          ))}
          {failed.map((job) => (
            <FailedRow key={job.id} job={job} onDismiss={dismiss} onMoveOn={moveOn} />
          ))}
        </ul>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  )
}
