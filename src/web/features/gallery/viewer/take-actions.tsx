import { useState } from 'react'
import type { Job } from '../../../../contract/job'
import { Button, buttonVariants } from '../../../components/ui/button'
import { FieldMessage } from '../../../components/ui/field-message'
import { sendToComposer } from '../../../lib/composer-handoff'
import { useRetryJob } from '../../../lib/job-mutations'
import { editPromptOf, needsNewPrompt } from '../../../lib/refusal'
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
  const title = firstLine(job.prompt)
  const done = job.status === 'completed'
  const settings = { prompt: job.prompt, model: job.model, size: job.size, seconds: job.seconds }

  const reuse = () => {
    const reference = job.reference && {
      url: job.reference.url,
      fileName: `reference-${shortId(job.id)}.png`,
    }
    sendToComposer({ ...settings, reference, note: `Settings from “${title}”` })
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
        {done && (
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
        {needsNewPrompt(job) && (
          <Button
            size="sm"
            variant="primary"
            onClick={() => {
              editPromptOf(job)
              onClose()
            }}
          >
            Edit prompt
          </Button>
        )}
        {job.status === 'failed' && (
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
      <RemixDialog job={job} open={remixing} onClose={() => setRemixing(false)} />
    </section>
  )
}
