import { useQuery } from '@tanstack/react-query'
import type { CSSProperties } from 'react'
import { sizeDimensions } from '../../../contract/size-dimensions'
import type { Job } from '../../../contract/job'
import type { Note } from '../../../contract/review'
import type { VideoSync } from '../../lib/use-video-sync'
import { MarksLayer } from '../review/marks-layer'
import { noteQueries } from '../review/note-queries'
import { marksAt } from '../review/note-time'

const NO_NOTES: readonly Note[] = []

/**
 * The marks of a compared take's notes under the playhead, over its video (same box), cut or
 * faded as its video is in the mode in view.
 */
export function TakeMarks({
  job,
  sync,
  style,
}: {
  job: Job
  sync: VideoSync
  style?: CSSProperties
}) {
  const { data: notes = NO_NOTES } = useQuery(noteQueries.list(job.id))
  const marks = marksAt(notes, sync.currentTime, sync.fps)
  if (marks.length === 0) return null
  return (
    <div className="pointer-events-none absolute inset-0 z-10" style={style}>
      <MarksLayer marks={marks} frame={sizeDimensions(job.size)} />
    </div>
  )
}
