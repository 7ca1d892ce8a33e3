import type { Job } from '../../../contract/job'
import { Button } from '../../components/ui/button'
import { FieldMessage } from '../../components/ui/field-message'
import { useRetryJob } from '../../lib/job-mutations'
import { firstLine, settingsLine } from '../../lib/job-words'
import { editPromptOf, needsNewPrompt } from '../../lib/refusal'

/** A render that failed while the queue watched it: the provider's words, Retry, or let it go. */
export function FailedRow({ job, onDismiss }: { job: Job; onDismiss: (id: string) => void }) {
  const retry = useRetryJob()
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
      {needsNewPrompt(job) && (
        <Button
          size="sm"
          variant="primary"
          onClick={() => {
            editPromptOf(job)
            onDismiss(job.id)
          }}
        >
          Edit prompt
        </Button>
      )}
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
