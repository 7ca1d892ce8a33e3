import type { Note } from '../../../contract/review'
import { cn } from '../../components/ui/cn'
import { MARK_SHADES } from './mark-colours'
import { NoteActions } from './note-actions'

interface NoteItemProps {
  note: Note
  /** The timecode, as the player shows time. */
  when: string
  current: boolean
  onSeek: () => void
  onEdit: () => void
  onDelete: () => void
  deleting: boolean
}

/** One note in the list: a click on it goes to its frame; edit and delete beside it. */
export function NoteItem({
  note,
  when,
  current,
  onSeek,
  onEdit,
  onDelete,
  deleting,
}: NoteItemProps) {
  return (
    <li
      data-note={note.id}
      aria-current={current || undefined}
      className={cn(
        'group relative flex gap-1 rounded-md border-l-2 pr-1 transition-colors',
        current ? 'border-accent bg-surface-raised' : 'border-transparent hover:bg-surface-raised/60',
      )}
    >
      <button
        type="button"
        onClick={onSeek}
        className="min-w-0 flex-1 space-y-0.5 rounded-md py-1.5 pl-2.5 text-left"
      >
        <span className="flex items-center gap-2 text-[11px]">
          <span
            className={cn('font-mono tabular-nums', current ? 'text-accent' : 'text-text-muted')}
          >
            {when}
          </span>
          <span className="truncate text-text-muted">{note.author}</span>
          {note.marks.length > 0 && (
            <span className="flex items-center gap-0.5" title={`${note.marks.length} marks`}>
              {[...new Set(note.marks.map((mark) => mark.colour))].map((colour) => (
                <span
                  key={colour}
                  className="size-1.5 rounded-full"
                  style={{ background: MARK_SHADES[colour] }}
                />
              ))}
              <span className="sr-only">, {note.marks.length} marks</span>
            </span>
          )}
        </span>
        <span
          dir="auto"
          className="block text-[13px] leading-5 break-words whitespace-pre-wrap text-text"
        >
          {note.text || <span className="text-text-subtle italic">(marks only)</span>}
        </span>
      </button>
      {/* The owner may change every note; the server says so per note (`editable`). */}
      {note.editable && (
        <NoteActions
          noteName={`the note at ${when}`}
          onEdit={onEdit}
          onDelete={onDelete}
          deleting={deleting}
          className="items-start pt-1 opacity-100 transition-opacity pointer-fine:opacity-0 pointer-fine:group-focus-within:opacity-100 pointer-fine:group-hover:opacity-100"
        />
      )}
    </li>
  )
}
