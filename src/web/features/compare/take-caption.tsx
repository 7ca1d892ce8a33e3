import { useEffect } from 'react'
import type { Job } from '../../../contract/job'
import { TakeLetter } from '../../components/take-letter'
import { cn } from '../../components/ui/cn'
import { shortId } from '../../lib/job-words'
import { useSettingsLine } from '../../lib/use-model-label'
import { useSetVerdict } from '../review/use-set-verdict'
import { PromptDiffText } from './prompt-diff-text'
import type { VerdictToggles } from './use-compare-verdicts'
import { VerdictButtons } from './verdict-buttons'

/** Whether the verdict keys act on a compared take, and how they reach it. */
export interface CaptionReview {
  /** The verdict keys (O H X) act on this take. */
  targeted: boolean
  /** A click on one of its verdicts picks the take (and, in flip, shows it). */
  onPick: () => void
  toggles: VerdictToggles
}

interface TakeCaptionProps {
  job: Job
  index: number
  /** The first take's prompt; null for the first take itself. */
  basePrompt: string | null
  review: CaptionReview
  className?: string
}

/** A compared take's slot number, settings, and the words its prompt changes against the first. */
export function TakeCaption({ job, index, basePrompt, review, className }: TakeCaptionProps) {
  const settingsLine = useSettingsLine()
  // Each take owns its verdict, so quick presses on one go to the server in order.
  const mutation = useSetVerdict(job.id)
  const verdict = mutation.isPending ? mutation.variables : job.verdict
  const { toggles } = review
  useEffect(() => {
    toggles.set(index, (given) => mutation.mutate(verdict === given ? null : given))
    return () => {
      toggles.delete(index)
    }
  })
  return (
    <figcaption className={cn('shrink-0 space-y-1 bg-surface px-3 py-1.5', className)}>
      <p className="flex items-center gap-2 text-xs">
        <span
          className={cn(
            'inline-flex size-5 items-center justify-center rounded font-mono',
            review.targeted ? 'bg-accent/20 text-accent' : 'text-text-subtle',
          )}
          title={
            review.targeted
              ? 'O H X give this take a verdict'
              : `Press ${index + 1} to give this take a verdict`
          }
        >
          {index + 1}
        </span>
        <span className="inline-flex items-center gap-1 font-mono text-text">
          <span aria-hidden="true">Take</span>
          <TakeLetter take={job.take} verdict={verdict} />
        </span>
        <span className="truncate text-text">{settingsLine(job)}</span>
        <span className="ml-auto font-mono text-[11px] text-text-subtle">{shortId(job.id)}</span>
        <VerdictButtons
          index={index}
          verdict={verdict}
          onChange={(next) => {
            review.onPick()
            mutation.mutate(next)
          }}
        />
      </p>
      {mutation.error && (
        <p role="alert" className="text-xs text-danger">
          The verdict was not saved: {mutation.error.message}
        </p>
      )}
      <p dir="auto" className="max-h-16 overflow-y-auto text-xs leading-5 text-text-muted">
        <PromptDiffText base={basePrompt} prompt={job.prompt} />
      </p>
    </figcaption>
  )
}
