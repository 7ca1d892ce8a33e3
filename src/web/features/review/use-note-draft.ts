import { useState } from 'react'
import {
  MARKS_PER_NOTE_MAX,
  type Mark,
  type MarkColour,
  type MarkKind,
  type Note,
} from '../../../contract/review'
import type { VideoSync } from '../../lib/use-video-sync'
import { frameMiddle, frameStart } from './note-time'

/** A note being written (noteId null) or edited, with the marks drawn for it so far. */
export interface NoteDraft {
  noteId: string | null
  at: number
  until: number | null
  text: string
  marks: Mark[]
}

export interface NoteDrafting {
  draft: NoteDraft | null
  tool: MarkKind
  colour: MarkColour
  /** Counts the asks to put the cursor in the draft's text box (N on an open note). */
  focusAsked: number
  /** N: a new note at the playhead's frame, paused; or back to the text box of the open one. */
  start: () => void
  /** Edit a note: the player goes to its frame, so its marks can be redrawn there. */
  edit: (note: Note) => void
  change: (fields: Partial<Pick<NoteDraft, 'text' | 'until'>>) => void
  addMark: (mark: Mark) => void
  undoMark: () => void
  setTool: (tool: MarkKind) => void
  setColour: (colour: MarkColour) => void
  cancel: () => void
}

export function useNoteDraft(sync: VideoSync): NoteDrafting {
  const [draft, setDraft] = useState<NoteDraft | null>(null)
  const [tool, setTool] = useState<MarkKind>('rect')
  const [colour, setColour] = useState<MarkColour>('red')
  const [focusAsked, setFocusAsked] = useState(0)
  const focusText = () => setFocusAsked((count) => count + 1)

  const start = () => {
    sync.pause()
    if (!draft) {
      const at = frameStart(sync.currentTime, sync.fps)
      setDraft({ noteId: null, at, until: null, text: '', marks: [] })
      // Paused exactly on the frame the note is pinned to, so the marks are drawn on that picture.
      sync.seek(frameMiddle(at, sync.fps))
    }
    focusText()
  }

  const edit = (note: Note) => {
    sync.pause()
    sync.seek(frameMiddle(note.at, sync.fps))
    setDraft({
      noteId: note.id,
      at: note.at,
      until: note.until,
      text: note.text,
      marks: note.marks,
    })
    focusText()
  }

  return {
    draft,
    tool,
    colour,
    focusAsked,
    start,
    edit,
    change: (fields) => setDraft((old) => old && { ...old, ...fields }),
    addMark: (mark) =>
      setDraft(
        (old) => old && { ...old, marks: [...old.marks, mark].slice(0, MARKS_PER_NOTE_MAX) },
      ),
    undoMark: () => setDraft((old) => old && { ...old, marks: old.marks.slice(0, -1) }),
    setTool,
    setColour,
    cancel: () => setDraft(null),
  }
}
