import { sizeDimensions } from '../../../contract/size-dimensions'
import type { Job } from '../../../contract/job'
import type { VideoSync } from '../../lib/use-video-sync'
import { DrawLayer } from './draw-layer'
import { MarksLayer } from './marks-layer'
import { marksAt } from './note-time'
import type { TakeReview } from './use-take-review'

/**
 * Over the viewer's video: the marks of the notes under the playhead and, while a note is being
 * written on a paused frame, the surface to draw its marks on.
 */
export function ReviewStage({
  job,
  sync,
  review,
}: {
  job: Job
  sync: VideoSync
  review: TakeReview
}) {
  const frame = sizeDimensions(job.size)
  const { draft } = review.drafting
  // The note being edited shows its draft instead of what is saved.
  const others = draft?.noteId
    ? review.notes.filter((note) => note.id !== draft.noteId)
    : review.notes
  const drawing = draft !== null && !sync.playing
  return (
    <>
      <MarksLayer marks={marksAt(others, sync.currentTime, sync.fps)} frame={frame} />
      {drawing && <DrawLayer drafting={review.drafting} frame={frame} />}
    </>
  )
}
