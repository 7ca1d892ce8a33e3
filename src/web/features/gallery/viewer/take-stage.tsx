import { sizeDimensions } from '../../../../contract/size-dimensions'
import type { Job } from '../../../../contract/job'
import { Progress } from '../../../components/ui/progress'
import { statusWords } from '../../../lib/job-words'
import type { VideoSync } from '../../../lib/use-video-sync'

/** The picture: the take playing, or why there is none (yet). */
export function TakeStage({ job, sync }: { job: Job; sync: VideoSync }) {
  if (job.status === 'completed' && job.media) {
    const { width, height } = sizeDimensions(job.size)
    return (
      <video
        ref={sync.register(0)}
        src={job.media.video}
        // No poster: the picture is the frame under the playhead (00:00:00:00 on opening), never
        // the thumbnail's middle frame.
        width={width}
        height={height}
        preload="auto"
        playsInline
        aria-label="Take video"
        onClick={sync.toggle}
        className="absolute inset-0 size-full bg-black object-contain"
      />
    )
  }
  if (job.status === 'failed') {
    return (
      <div role="alert" className="max-w-md text-center">
        <p className="text-sm font-medium text-danger">This render failed</p>
        <p className="mt-1 text-sm text-text">
          {job.error?.message ?? 'The provider gave no reason.'}
        </p>
        {job.error && <p className="mt-1 font-mono text-xs text-text-subtle">{job.error.code}</p>}
      </div>
    )
  }
  return (
    <div className="w-72 space-y-2 text-center">
      <p className="text-sm text-text-muted">{statusWords(job.status)}…</p>
      <Progress value={job.progress} aria-label="Progress" />
      <p className="font-mono text-xs text-text-subtle">{Math.round(job.progress)}%</p>
    </div>
  )
}
