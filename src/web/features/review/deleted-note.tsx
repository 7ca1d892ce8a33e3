import type { Note } from '../../../contract/review'
import { Button } from '../../components/ui/button'
import { useNoteMutations } from './note-queries'

interface DeletedNoteProps {
  note: Note
  /** The note's time, as the list shows it. */
  when: string
  /** Called once the note is back (the list then shows it again). */
  onBack: () => void
}

/**
 * "Deleted the note at …" with Undo, which writes the note again: its time, text, marks and
 * author (a new id; the studio keeps no deleted notes).
 */
export function DeletedNote({ note, when, onBack }: DeletedNoteProps) {
  const { create } = useNoteMutations(note.jobId)
  const undo = () => {
    const { at, until, text, marks, author } = note
    create.mutate({ at, until, text, marks, author }, { onSuccess: onBack })
  }
  return (
    <p role="status" className="mt-1 flex items-center gap-2 text-xs text-text-muted">
      <span className="min-w-0 flex-1 truncate">Deleted the note at {when}</span>
      {create.error && (
        <span role="alert" className="text-danger">
          Could not bring it back: {create.error.message}
        </span>
      )}
      <Button
        size="xs"
        variant="link"
        disabled={create.isPending}
        onClick={undo}
      >
        Undo
      </Button>
    </p>
  )
}
