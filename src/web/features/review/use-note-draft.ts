import { useRef, useState } from 'react'
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
  /** The draft's text box, focused when a note starts (and again on N). */
  textRef: React.RefObject<HTMLTextAreaElement | null>
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
  const textRef = useRef<HTMLTextAreaElement>(null)
  // After React has shown the text box: a new one takes focus through autoFocus, an open one here.
  const focusText = () => requestAnimationFrame(() => textRef.current?.focus())

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
    setDraft({ noteId: note.id, at: note.at, until: note.until, text: note.text, marks: note.marks })
    focusText()
  }

  return {
    draft,
    tool,
    colour,
    textRef,
    start,
    edit,
    change: (fields) => setDraft((old) => old && { ...old, ...fields }),
    addMark: (mark) =>
      setDraft(
        (old) =>
          old && { ...old, marks: [...old.marks, mark].slice(0, MARKS_PER_NOTE_MAX) },
      ),
    undoMark: () => setDraft((old) => old && { ...old, marks: old.marks.slice(0, -1) }),
    setTool,
    setColour,
    cancel: () => setDraft(null),
  }
}
