import { useEffect } from 'react'
import type { Job } from '../../../contract/job'
import { EditPromptButton } from '../../components/edit-prompt-button'
import { Button } from '../../components/ui/button'
import { FieldMessage } from '../../components/ui/field-message'
import { useRetryJob } from '../../lib/job-mutations'
import { firstLine } from '../../lib/job-words'
import { useSettingsLine } from '../../lib/use-model-label'

/**
 * How long a failure stays in the queue, announced with its reason, Retry and Edit prompt, before
 * it moves to the takes (the gallery's Failed filter, whose tile keeps the same actions): the
 * queue holds what is rendering, not a pile of failures.
 */
const FAILED_ROW_MS = 60_000

/**
 * A render that failed while the queue watched it: the provider's words, Retry, or let it go.
 * Left alone, it moves on to the gallery after FAILED_ROW_MS.
 */
export function FailedRow({
  job,
  onDismiss,
  onMoveOn,
}: {
  job: Job
  onDismiss: (id: string) => void
  onMoveOn: (id: string) => void
}) {
  const retry = useRetryJob()
  const settingsLine = useSettingsLine()
  useEffect(() => {
    const timer = setTimeout(() => onMoveOn(job.id), FAILED_ROW_MS)
    return () => clearTimeout(timer)
  }, [job.id, onMoveOn])
  const title = firstLine(job.prompt)
  return (
    <li className="flex items-center gap-4 px-5 py-1.5" aria-label={title}>
      <div className="min-w-0 flex-1">
        <p className="truncate text-text" title={job.prompt}>
          {title}
        </p>
        <p className="truncate text-xs">
          <span className="font-medium text-danger">Failed: </span>
          <span className="text-text-muted">
            {job.error?.message ?? 'The provider gave no reason'}
          </span>
          <span className="ml-3 text-text-subtle">{settingsLine(job)}</span>
        </p>
        {retry.error && <FieldMessage role="alert">{retry.error.message}</FieldMessage>}
      </div>
      <EditPromptButton job={job} onEdited={() => onDismiss(job.id)} />
      <Button
        size="sm"
        disabled={retry.isPending}
        onClick={() => retry.mutate(job.id, { onSuccess: () => onDismiss(job.id) })}
      >
        Retry
      </Button>
      <Button size="sm" variant="ghost" onClick={() => onDismiss(job.id)}>
        Dismiss
      </Button>
    </li>
  )
}
