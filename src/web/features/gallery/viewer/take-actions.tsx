import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Job } from '../../../../contract/job'
import { isCancellable } from '../../../../contract/job-status'
import { EditPromptButton } from '../../../components/edit-prompt-button'
import { Button, buttonVariants } from '../../../components/ui/button'
import { FieldMessage } from '../../../components/ui/field-message'
import { capabilityQueries } from '../../../lib/capability-queries'
import { sendToComposer } from '../../../lib/composer-handoff'
import { useCancelJob, useRetryJob } from '../../../lib/job-mutations'
import { needsNewPrompt } from '../../../lib/refusal'
import { firstLine, formatClock, shortId } from '../../../lib/job-words'
import type { VideoSync } from '../../../lib/use-video-sync'
import { RemixDialog } from './remix-dialog'

interface TakeActionsProps {
  job: Job
  sync: VideoSync
  onClose: () => void
  onNavigate: (id: string) => void
  /** Deletes at once (Undo brings it back), as the Delete key does. */
  onDelete: () => void
  deleting: boolean
}

/** The frame "Continue from here" takes: the one under the playhead, or the last one. */
function continueFrame(sync: VideoSync): number | null {
  const t = sync.currentTime
  return t > 0 && t < sync.duration - 1 / sync.fps ? Math.round(t * 1000) / 1000 : null
}

/** Download · Remix · Reuse settings · Continue from here · Retry · Delete. */
export function TakeActions({
  job,
  sync,
  onClose,
  onNavigate,
  onDelete,
  deleting,
}: TakeActionsProps) {
  const [remixing, setRemixing] = useState(false)
  const retry = useRetryJob()
  const cancel = useCancelJob()
  const title = firstLine(job.prompt)
  const done = job.status === 'completed'
  // Models without remix (Veo) do not offer it; a model the catalog no longer knows keeps the
  // button, and the server's answer names the alternatives.
  const catalogModel = useQuery(capabilityQueries.current()).data?.models.find(
    (m) => m.id === job.model,
  )
  const remixable = catalogModel?.remix ?? true
  const settings = { prompt: job.prompt, model: job.model, size: job.size, seconds: job.seconds }

  const reuse = () => {
    const reference = job.reference && {
      url: job.reference.url,
      fileName: `reference-${shortId(job.id)}.png`,
    }
    const lastFrame = job.lastReference && {
      url: job.lastReference.url,
      fileName: `last-frame-${shortId(job.id)}.png`,
    }
    sendToComposer({ ...settings, reference, lastFrame, note: `Settings from “${title}”` })
    onClose()
  }
  const frame = continueFrame(sync)
  const continueFromHere = () => {
    const at = frame
    const query = at === null ? '' : `?t=${at}`
    sendToComposer({
      ...settings,
      fit: 'cover',
      reference: {
        url: `/api/jobs/${job.id}/frame${query}`,
        fileName: `frame-${shortId(job.id)}-${at ?? 'last'}.png`,
      },
      note:
        at === null
          ? `Last frame of “${title}”`
          : `Frame at ${formatClock(at, true)} of “${title}”`,
    })
    onClose()
  }
  return (
    <section aria-label="Actions" className="space-y-2 border-b border-border px-4 py-3">
      <div className="flex flex-wrap gap-2">
        {done && job.media && (
          <a
            href={`${job.media.video}?download=1`}
            download
            className={buttonVariants({ variant: 'primary', size: 'sm' })}
          >
            Download
          </a>
        )}
        {done && remixable && (
          <Button size="sm" onClick={() => setRemixing(true)}>
            Remix
          </Button>
        )}
        <Button size="sm" onClick={reuse}>
          Reuse settings
        </Button>
        {done && (
          <Button size="sm" onClick={continueFromHere} aria-describedby="continue-frame">
            Continue from here
          </Button>
        )}
        {isCancellable(job.status) && (
          <Button size="sm" disabled={cancel.isPending} onClick={() => cancel.mutate(job.id)}>
            Cancel
          </Button>
        )}
        <EditPromptButton job={job} onEdited={onClose} />
        {(job.status === 'failed' || job.status === 'cancelled') && (
          <Button
            size="sm"
            variant={needsNewPrompt(job) ? 'secondary' : 'primary'}
            disabled={retry.isPending}
            onClick={() => retry.mutate(job.id, { onSuccess: (next) => onNavigate(next.id) })}
          >
            Retry
          </Button>
        )}
        <Button
          size="sm"
          variant="danger"
          disabled={deleting}
          onClick={onDelete}
          aria-keyshortcuts="Delete"
        >
          Delete
        </Button>
      </div>
      {done && (
        <p id="continue-frame" className="text-[11px] text-text-subtle">
          Continue from here uses{' '}
          {frame === null ? 'the last frame' : `the frame at ${formatClock(frame, true)}`} as the
          reference of a new shot.
        </p>
      )}
      {retry.error && <FieldMessage role="alert">{retry.error.message}</FieldMessage>}
      {cancel.error && <FieldMessage role="alert">{cancel.error.message}</FieldMessage>}
      <RemixDialog job={job} open={remixing} onClose={() => setRemixing(false)} />
    </section>
  )
}
