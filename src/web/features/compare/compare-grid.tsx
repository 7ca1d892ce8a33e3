import type { Job } from '../../../contract/job'
import { cn } from '../../components/ui/cn'
import type { VideoSync } from '../../lib/use-video-sync'
import { ComparePlayer } from './compare-player'
import type { CaptionReview } from './take-caption'

const GRID: Record<number, string> = {
  2: 'lg:grid-cols-2',
  3: 'lg:grid-cols-3',
  4: 'lg:grid-cols-2 lg:grid-rows-2',
}

interface CompareGridProps {
  jobs: Job[]
  sync: VideoSync
  reviewOf: (job: Job, index: number) => CaptionReview
}

/** 2–4 takes side by side (stacked on a narrow screen). */
export function CompareGrid({ jobs, sync, reviewOf }: CompareGridProps) {
  const base = jobs[0]?.prompt ?? ''
  return (
    <div className={cn('grid min-h-0 flex-1 grid-cols-1 gap-2 p-2', GRID[jobs.length])}>
      {jobs.map((job, index) => (
        <ComparePlayer
          key={job.id}
          job={job}
          index={index}
          basePrompt={index === 0 ? null : base}
          sync={sync}
          review={reviewOf(job, index)}
        />
      ))}
    </div>
  )
}
