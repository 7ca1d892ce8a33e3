import type { Job } from '../../../contract/job'
import type { Verdict } from '../../../contract/verdict'
import { TakeLetter } from '../../components/take-letter'
import { cn } from '../../components/ui/cn'
import { settingsLine, shortId } from '../../lib/job-words'
import { PromptDiffText } from './prompt-diff-text'
import { VerdictButtons } from './verdict-buttons'

/** A compared take's verdict, and whether the verdict keys act on it. */
export interface CaptionReview {
  verdict: Verdict
  /** The verdict keys (O H X) act on this take. */
  targeted: boolean
  onVerdict: (verdict: Verdict) => void
  saving: boolean
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
          <TakeLetter take={job.take} verdict={review.verdict} />
        </span>
        <span className="truncate text-text">{settingsLine(job)}</span>
        <span className="ml-auto font-mono text-[11px] text-text-subtle">{shortId(job.id)}</span>
        <VerdictButtons
          index={index}
          verdict={review.verdict}
          onChange={review.onVerdict}
          disabled={review.saving}
        />
      </p>
      <p dir="auto" className="max-h-16 overflow-y-auto text-xs leading-5 text-text-muted">
        <PromptDiffText base={basePrompt} prompt={job.prompt} />
      </p>
    </figcaption>
  )
}
