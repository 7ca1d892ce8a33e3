import type { Job } from '../../../contract/job'
import type { VideoSync } from '../../lib/use-video-sync'
import { CompareVideo } from './compare-video'
import { TakeCaption, type CaptionReview } from './take-caption'
import { TakeMarks } from './take-marks'

interface ComparePlayerProps {
  job: Job
  index: number
  /** The first take's prompt; null for the first take itself. */
  basePrompt: string | null
  sync: VideoSync
  review: CaptionReview
}

/** One of the takes side by side: its picture, its settings, and what its prompt changes. */
export function ComparePlayer({ job, index, basePrompt, sync, review }: ComparePlayerProps) {
  return (
    <figure className="flex min-h-0 min-w-0 flex-col overflow-hidden rounded-md border border-border bg-black">
      <div className="relative flex min-h-0 flex-1 items-center justify-center">
        {job.media ? (
          <>
            <CompareVideo job={job} index={index} sync={sync} onClick={sync.toggle} />
            <TakeMarks job={job} sync={sync} />
          </>
        ) : (
          <p className="p-4 text-sm text-text-muted">This take has no video to play.</p>
        )}
      </div>
      <TakeCaption
        job={job}
        index={index}
        basePrompt={basePrompt}
        review={review}
        className="border-t border-border"
      />
    </figure>
  )
}
