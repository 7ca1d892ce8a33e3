import type { Mark, Note } from '../../../contract/review'

type Timed = Pick<Note, 'at' | 'until'>

/** The frame under `seconds`; a hair of tolerance, since a seek to frame n lands a float a hair before it. */
export function frameAt(seconds: number, fps: number): number {
  return Math.floor(seconds * fps + 1e-6)
}

/** Where a note is pinned when written at the playhead: the start of the frame under it. */
export function frameStart(seconds: number, fps: number): number {
  return Math.round((frameAt(seconds, fps) / fps) * 1e6) / 1e6
}

/**
 * Where to seek to show a note's frame: its middle, so the decoder lands on that frame and not
 * on the one before (a seek to a frame's exact start may round down).
 */
export function frameMiddle(seconds: number, fps: number): number {
  return (frameAt(seconds, fps) + 0.5) / fps
}

/** Whether the playhead is on the note: on its frame, or within its in–out range. */
export function isOnNote(note: Timed, seconds: number, fps: number): boolean {
  const frame = frameAt(seconds, fps)
  const first = frameAt(note.at, fps)
  return note.until === null ? frame === first : frame >= first && frame <= frameAt(note.until, fps)
}

/** The marks to draw at the playhead: those of every note it is on. */
export function marksAt(notes: readonly Note[], seconds: number, fps: number): Mark[] {
  return notes.filter((note) => isOnNote(note, seconds, fps)).flatMap((note) => note.marks)
}

/** The note the list follows: the last one pinned at or before the playhead's frame. */
export function currentNoteId(notes: readonly Note[], seconds: number, fps: number): string | null {
  const frame = frameAt(seconds, fps)
  let current: string | null = null
  for (const note of notes) if (frameAt(note.at, fps) <= frame) current = note.id
  return current
}
