import { useId, useState } from 'react'
import type { Note } from '../../contract/review'
import { Button } from '../components/ui/button'
import { Textarea } from '../components/ui/textarea'
import { NoteActions } from '../features/review/note-actions'
import { formatClock } from '../lib/job-words'
import type { useReviewerNotes } from './reviewer-queries'

/**
 * One note: its time, who wrote it and what. A note of the reviewer's own (the server marks it
 * `editable`) can be edited in place or deleted; the others only read.
 */
export function ReviewerNote({ note, changes }: { note: Note; changes: ReturnType<typeof useReviewerNotes> }) {
  const [text, setText] = useState<string | null>(null)
  const id = useId()
  const when = formatClock(note.at, true)
  const { edit, remove } = changes
  const failed = (edit.variables?.id === note.id && edit.error) || (remove.variables === note.id && remove.error)
  return (
    <li className="rounded-md bg-surface px-2.5 py-1.5 text-sm">
      <div className="flex items-baseline gap-2">
        <span className="font-mono text-xs text-text-muted">{when}</span>
        <span className="min-w-0 truncate text-xs font-medium text-text-muted">{note.author}</span>
        {note.editable && text === null && (
          <NoteActions
            noteName={`your note at ${when}`}
            onEdit={() => setText(note.text)}
            onDelete={() => remove.mutate(note.id)}
            deleting={remove.isPending}
            className="ml-auto"
          />
        )}
      </div>
      {text === null ? (
        <p dir="auto" className="break-words whitespace-pre-wrap">
          {note.text}
        </p>
      ) : (
        <form
          className="mt-1 grid gap-1.5"
          onSubmit={(event) => {
            event.preventDefault()
            edit.mutate({ id: note.id, text: text.trim() }, { onSuccess: () => setText(null) })
          }}
        >
          <label htmlFor={id} className="sr-only">
            Your note at {when}
          </label>
          <Textarea id={id} rows={2} value={text} onChange={(event) => setText(event.target.value)} autoFocus />
          <span className="flex gap-1.5">
            <Button type="submit" size="sm" variant="primary" disabled={!text.trim() || edit.isPending}>
              Save
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setText(null)}>
              Cancel
            </Button>
          </span>
        </form>
      )}
      {failed && (
        <p role="alert" className="text-xs text-danger">
          {failed.message}
        </p>
      )}
    </li>
  )
}
