import { useQuery } from '@tanstack/react-query'
import type { Job } from '../../../contract/job'
import { Progress } from '../../components/ui/progress'
import { formatSize } from '../../lib/format'
import { jobQueries } from '../../lib/job-queries'
import { statusWords } from '../../lib/job-words'
import { useModelLabel } from '../../lib/use-model-label'
import { TakeThumbnail } from './take-thumbnail'

function Badges({ job }: { job: Job }) {
  const modelLabel = useModelLabel()
  const badge = 'rounded-[3px] bg-black/70 px-1 font-mono text-[10px] leading-4 text-white/90'
  return (
    <span className="pointer-events-none absolute right-1.5 bottom-1.5 flex gap-1">
      <span className={badge}>{job.seconds}s</span>
      <span className={badge}>{formatSize(job.size).replace(' × ', '×')}</span>
      <span className={badge}>{modelLabel(job.model)}</span>
    </span>
  )
}

/** A take still on its way: follows the same poll as its row in the queue (one request). */
function InProgress({ job: seed, detailsId }: { job: Job; detailsId: string }) {
  const { data: job } = useQuery({ ...jobQueries.detail(seed.id), initialData: seed })
  return (
    <div className="relative flex aspect-video flex-col justify-center gap-2 bg-surface-raised px-3">
      <p id={detailsId} className="text-xs text-text-muted">
        {statusWords(job.status)} · {Math.round(job.progress)}%
      </p>
      <Progress value={job.progress} aria-hidden="true" />
      <Badges job={job} />
    </div>
  )
}

/**
 * What a tile shows in its picture area: the footage, the reason it failed, or its progress.
 * The element with `detailsId` is what the tile's button is described by.
 */
export function TileFace({ job, detailsId }: { job: Job; detailsId: string }) {
  const modelLabel = useModelLabel()
  if (job.status === 'completed') {
    return (
      <div className="relative">
        <TakeThumbnail job={job} />
        <Badges job={job} />
        <span id={detailsId} className="sr-only">
          {job.seconds} seconds, {formatSize(job.size)}, {modelLabel(job.model)}
        </span>
      </div>
    )
  }
  if (job.status === 'failed') {
    return (
      <div className="relative flex aspect-video flex-col justify-center gap-1 bg-danger/[0.06] px-3 text-left">
        <div id={detailsId}>
          <p className="flex items-center gap-1.5 text-xs font-medium text-danger">
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5">
              <path
                d="M8 2l6.5 11.5h-13z M8 6.5v3.5 M8 11.5v.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.4"
              />
            </svg>
            Failed
          </p>
          <p className="line-clamp-3 text-xs text-text-muted">
            {job.error?.message ?? 'The provider gave no reason'}
          </p>
        </div>
        <Badges job={job} />
      </div>
    )
  }
  if (job.status === 'cancelled') {
    return (
      <div className="relative flex aspect-video flex-col justify-center gap-1 bg-surface-raised px-3 text-left">
        <p id={detailsId} className="text-xs text-text-muted">
          Cancelled at {Math.round(job.progress)}%
        </p>
        <Badges job={job} />
      </div>
    )
  }
  return <InProgress job={job} detailsId={detailsId} />
}
