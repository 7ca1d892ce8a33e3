import type { Mark } from '../../contract/review'
import { formatTimecode } from '../../contract/timecode'
import type { SavedNote } from '../jobs/sidecar'
import type { JobRecord } from '../store/job-record'

/** One take of an export: its settings, verdict and notes, and the rate its timecodes count in. */
export interface ExportTake {
  job: JobRecord
  notes: readonly SavedNote[]
  fps: number
}

const MARK_NAMES: Record<Mark['kind'], [one: string, many: string]> = {
  freehand: ['stroke', 'strokes'],
  arrow: ['arrow', 'arrows'],
  rect: ['rectangle', 'rectangles'],
  ellipse: ['ellipse', 'ellipses'],
}

/** "2 arrows, 1 rectangle": what a note has drawn on the frame, for a reader without the picture. */
export function describeMarks(marks: readonly Mark[]): string {
  const counts = new Map<Mark['kind'], number>()
  for (const mark of marks) counts.set(mark.kind, (counts.get(mark.kind) ?? 0) + 1)
  return [...counts].map(([kind, n]) => `${n} ${MARK_NAMES[kind][n === 1 ? 0 : 1]}`).join(', ')
}

/** The note's in and out points as timecode at the take's rate; out is empty for a single frame. */
export function noteTimecodes(note: SavedNote, fps: number): { in: string; out: string } {
  return {
    in: formatTimecode(note.at, fps),
    out: note.until === null ? '' : formatTimecode(note.until, fps),
  }
}

/** "Take B" (of its group), the way the gallery names it. */
export const takeLabel = (job: JobRecord) => `Take ${job.take}`
