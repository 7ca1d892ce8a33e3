import { Button } from '../../components/ui/button'
import { cn } from '../../components/ui/cn'

interface NoteActionsProps {
  /** How the buttons name the note to a screen reader: "the note at 0:01.5", "your note at …". */
  noteName: string
  onEdit: () => void
  onDelete: () => void
  deleting: boolean
  className?: string
}

/** Edit and Delete for a note the asker may change (the server says which, per note). */
export function NoteActions({ noteName, onEdit, onDelete, deleting, className }: NoteActionsProps) {
  return (
    <span className={cn('flex shrink-0 gap-0.5', className)}>
      <Button size="xs" variant="ghost" aria-label={`Edit ${noteName}`} onClick={onEdit}>
        Edit
      </Button>
      <Button
        size="xs"
        variant="ghost-danger"
        aria-label={`Delete ${noteName}`}
        disabled={deleting}
        onClick={onDelete}
      >
        Delete
      </Button>
    </span>
  )
}
