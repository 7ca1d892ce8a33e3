import { useEffect, useId, useRef, useState } from 'react'
import type { Note } from '../../../contract/review'
import { Button } from '../../components/ui/button'
import { useTimeDisplay } from '../../lib/use-time-display'
import type { VideoSync } from '../../lib/use-video-sync'
import { DeletedNote } from './deleted-note'
import { NoteComposer } from './note-composer'
import { NoteItem } from './note-item'
import { useNoteMutations } from './note-queries'
import { currentNoteId, frameMiddle } from './note-time'
import type { NoteDrafting } from './use-note-draft'

interface NotesPanelProps {
  jobId: string
  notes: readonly Note[]
  /** Why the notes could not be read, if they could not. */
  error: Error | null
  sync: VideoSync
  drafting: NoteDrafting
  /** Beside the heading (the export menu). */
  actions?: React.ReactNode
}

/**
 * The notes of a take in time order, beside the picture: the one under the playhead is
 * highlighted and kept in view while it plays; a click goes to a note's frame, paused.
 */
export function NotesPanel({ jobId, notes, error, sync, drafting, actions }: NotesPanelProps) {
  const time = useTimeDisplay()
  const list = useRef<HTMLOListElement>(null)
  const heading = useId()
  const { remove } = useNoteMutations(jobId)
  // The note deleted last, until it is brought back: Delete sits beside Edit and asks nothing.
  const [deleted, setDeleted] = useState<Note | null>(null)
  const current = currentNoteId(notes, sync.currentTime, sync.fps)
  const { draft } = drafting
  const when = (note: Pick<Note, 'at' | 'until'>) =>
    time.format(note.at, sync.fps) +
    (note.until === null ? '' : `–${time.format(note.until, sync.fps)}`)

  // Follow the playhead within the list only: scrolling the page would move the picture away.
  useEffect(() => {
    const box = list.current
    const item = current && box?.querySelector<HTMLElement>(`[data-note="${current}"]`)
    if (!box || !item) return
    const top = item.offsetTop // the list is the item's offset parent
    if (top < box.scrollTop) box.scrollTop = top
    else if (top + item.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = top + item.offsetHeight - box.clientHeight
  }, [current])

  const seek = (note: Note) => {
    sync.pause()
    sync.seek(frameMiddle(note.at, sync.fps))
  }

  return (
    <section aria-labelledby={heading} className="flex flex-col border-b border-border px-4 py-3">
      <header className="mb-2 flex items-center gap-2">
        <h3
          id={heading}
          className="text-[11px] font-medium tracking-label text-text-muted uppercase"
        >
          Notes {notes.length > 0 && <span className="text-text-subtle">({notes.length})</span>}
        </h3>
        <div className="ml-auto">{actions}</div>
      </header>
      {error && (
        <p role="alert" className="text-xs text-danger">
          The notes cannot be read: {error.message}
        </p>
      )}
      {notes.length > 0 && (
        <ol
          ref={list}
          aria-label="Notes"
          className="relative -mx-2 max-h-72 space-y-0.5 overflow-y-auto lg:max-h-[40dvh]"
        >
          {notes.map((note) =>
            draft?.noteId === note.id ? (
              <li key={note.id} className="px-1">
                <NoteComposer jobId={jobId} draft={draft} drafting={drafting} sync={sync} />
              </li>
            ) : (
              <NoteItem
                key={note.id}
                note={note}
                when={when(note)}
                current={note.id === current}
                onSeek={() => seek(note)}
                onEdit={() => drafting.edit(note)}
                onDelete={() => remove.mutate(note.id, { onSuccess: () => setDeleted(note) })}
                deleting={remove.isPending && remove.variables === note.id}
              />
            ),
          )}
        </ol>
      )}
      {remove.error && (
        <p role="alert" className="mt-1 text-xs text-danger">
          Could not delete the note: {remove.error.message}
        </p>
      )}
      {/* The viewer moves to another take without a new panel: only this take's is offered. */}
      {deleted?.jobId === jobId && (
        <DeletedNote note={deleted} when={when(deleted)} onBack={() => setDeleted(null)} />
      )}
      <div className="mt-2">
        {draft && draft.noteId === null ? (
          <NoteComposer jobId={jobId} draft={draft} drafting={drafting} sync={sync} />
        ) : (
          <Button
            size="sm"
            layout="spread"
            onClick={drafting.start}
            aria-keyshortcuts="N"
          >
            <span>Add a note at {time.format(sync.currentTime, sync.fps)}</span>
            <kbd className="font-mono text-[11px] text-text-subtle pointer-coarse:hidden">N</kbd>
          </Button>
        )}
      </div>
    </section>
  )
}
