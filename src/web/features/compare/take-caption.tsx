import type { Job } from '../../../contract/job'
import { cn } from '../../components/ui/cn'
import { settingsLine, shortId } from '../../lib/job-words'
import { PromptDiffText } from './prompt-diff-text'

interface TakeCaptionProps {
  job: Job
  index: number
  /** The first take's prompt; null for the first take itself. */
  basePrompt: string | null
  className?: string
}

/** A compared take's slot number, settings, and the words its prompt changes against the first. */
export function TakeCaption({ job, index, basePrompt, className }: TakeCaptionProps) {
  return (
    <figcaption className={cn('shrink-0 space-y-1 bg-surface px-3 py-2', className)}>
      <p className="flex items-baseline gap-2 text-xs">
        <span className="font-mono text-text-subtle">{index + 1}</span>
        <span className="font-mono text-text" title={`Take ${job.take} of its submit`}>
          Take {job.take}
        </span>
        <span className="text-text">{settingsLine(job)}</span>
        <span className="ml-auto font-mono text-[11px] text-text-subtle">{shortId(job.id)}</span>
      </p>
      <p dir="auto" className="max-h-16 overflow-y-auto text-xs leading-5 text-text-muted">
        <PromptDiffText base={basePrompt} prompt={job.prompt} />
      </p>
    </figcaption>
  )
}
