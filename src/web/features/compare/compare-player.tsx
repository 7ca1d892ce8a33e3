import { sizeDimensions } from '../../../contract/capabilities'
import type { Job } from '../../../contract/job'
import { firstLine, settingsLine, shortId } from '../../lib/job-words'
import type { VideoSync } from '../../lib/use-video-sync'
import { PromptDiffText } from './prompt-diff-text'

interface ComparePlayerProps {
  job: Job
  index: number
  /** The first take's prompt; null for the first take itself. */
  basePrompt: string | null
  sync: VideoSync
}

/** One of the compared takes: its picture, its settings, and what its prompt changes. */
export function ComparePlayer({ job, index, basePrompt, sync }: ComparePlayerProps) {
  const { width, height } = sizeDimensions(job.size)
  return (
    <figure className="flex min-h-0 min-w-0 flex-col overflow-hidden rounded-md border border-border bg-black">
      <div className="relative flex min-h-0 flex-1 items-center justify-center">
        {job.media ? (
          <video
            ref={sync.register(index)}
            src={job.media.video}
            width={width}
            height={height}
            preload="auto"
            playsInline
            aria-label={`${index + 1}, take ${job.take}: ${firstLine(job.prompt)}`}
            onClick={sync.toggle}
            className="absolute inset-0 size-full object-contain"
          />
        ) : (
          <p className="p-4 text-sm text-text-muted">This take has no video to play.</p>
        )}
      </div>
      <figcaption className="shrink-0 space-y-1 border-t border-border bg-surface px-3 py-2">
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
    </figure>
  )
}
