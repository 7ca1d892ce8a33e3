import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { NOTE_AUTHOR_MAX, NOTE_TEXT_MAX } from '../../../contract/review'
import { Button } from '../../components/ui/button'
import { FieldMessage } from '../../components/ui/field-message'
import { Textarea } from '../../components/ui/textarea'
import { useTimeDisplay } from '../../lib/use-time-display'
import type { VideoSync } from '../../lib/use-video-sync'
import { frameAt, frameStart } from './note-time'
import { useNoteMutations } from './note-queries'
import { MarkTools } from './mark-tools'
import { useAuthor } from './use-author'
import type { NoteDraft, NoteDrafting } from './use-note-draft'

interface NoteComposerProps {
  jobId: string
  draft: NoteDraft
  drafting: NoteDrafting
  sync: VideoSync
}

/**
 * Writing (or editing) a note at its frame: the text, an out point for a range, and the marks
 * drawn on the frame. Enter saves, Shift+Enter starts a new line, Esc lets go of it.
 */
export function NoteComposer({ jobId, draft, drafting, sync }: NoteComposerProps) {
  const [author, setAuthor] = useAuthor()
  const [name, setName] = useState(author)
  const [askName, setAskName] = useState(!author)
  const { create, edit } = useNoteMutations(jobId)
  const saving = draft.noteId ? edit : create
  const time = useTimeDisplay()
  const ids = { text: useId(), name: useId() }
  const nameRef = useRef<HTMLInputElement>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)
  // A new note, a note to edit, or N again: the cursor goes to the text.
  useEffect(() => textRef.current?.focus(), [drafting.focusAsked])
  const when = time.format(draft.at, sync.fps)
  const outFrame = frameStart(sync.currentTime, sync.fps)
  const canSetOut = frameAt(outFrame, sync.fps) > frameAt(draft.at, sync.fps)
  const empty = draft.text.trim() === '' && draft.marks.length === 0

  const save = (event?: FormEvent) => {
    event?.preventDefault()
    const who = name.trim() || author
    if (!who) return nameRef.current?.focus()
    if (empty || saving.isPending) return
    if (who !== author) setAuthor(who)
    const fields = { at: draft.at, until: draft.until, text: draft.text.trim(), marks: draft.marks }
    const done = { onSuccess: drafting.cancel }
    if (draft.noteId) edit.mutate({ id: draft.noteId, ...fields }, done)
    else create.mutate({ ...fields, author: who }, done)
  }

  // Esc anywhere in the note (text, name, a tool) lets go of it; it does not close the viewer.
  const onFormKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    drafting.cancel()
  }
  const onTextKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) save(event)
  }

  return (
    <form
      onSubmit={save}
      onKeyDown={onFormKeyDown}
      aria-label={draft.noteId ? `Edit the note at ${when}` : `New note at ${when}`}
      className="space-y-2 rounded-md border border-border-strong bg-bg p-2.5"
    >
      <p className="flex items-center gap-2 font-mono text-[11px] text-text-muted tabular-nums">
        <span>
          {when}
          {draft.until !== null && `–${time.format(draft.until, sync.fps)}`}
        </span>
        {draft.until === null ? (
          <Button
            size="xs"
            variant="ghost"
            className="ml-auto font-sans"
            disabled={!canSetOut}
            title="Move the playhead past the note, then set its out point there"
            onClick={() => drafting.change({ until: outFrame })}
          >
            Out at playhead
          </Button>
        ) : (
          <Button
            size="xs"
            variant="ghost"
            className="ml-auto font-sans"
            onClick={() => drafting.change({ until: null })}
          >
            One frame
          </Button>
        )}
      </p>
      {askName && !draft.noteId && (
        <div className="space-y-1">
          <label htmlFor={ids.name} className="text-[11px] text-text-muted">
            Your name (kept in this browser)
          </label>
          <input
            id={ids.name}
            ref={nameRef}
            required
            value={name}
            maxLength={NOTE_AUTHOR_MAX}
            autoComplete="name"
            onChange={(event) => setName(event.currentTarget.value)}
            className="h-8 w-full rounded-md border border-border-strong bg-bg px-2.5 text-[13px] text-text"
          />
        </div>
      )}
      <label htmlFor={ids.text} className="sr-only">
        Note
      </label>
      <Textarea
        id={ids.text}
        ref={textRef}
        rows={2}
        maxLength={NOTE_TEXT_MAX}
        placeholder={
          draft.marks.length
            ? 'Say what the marks are about'
            : 'What should change here? Draw on the frame to show where.'
        }
        value={draft.text}
        onChange={(event) => drafting.change({ text: event.currentTarget.value })}
        onKeyDown={onTextKeyDown}
      />
      <MarkTools drafting={drafting} />
      {saving.error && <FieldMessage role="alert">{saving.error.message}</FieldMessage>}
      <div className="flex items-center gap-2">
        <span className="text-[11px] text-text-subtle">
          {!askName && !draft.noteId && (
            <>
              as {author} ·{' '}
              <button
                type="button"
                className="underline hover:text-text"
                onClick={() => setAskName(true)}
              >
                change
              </button>
            </>
          )}
        </span>
        <Button
          size="sm"
          variant="ghost"
          className="ml-auto"
          onClick={drafting.cancel}
          aria-keyshortcuts="Escape"
        >
          Cancel
        </Button>
        <Button size="sm" variant="primary" type="submit" disabled={empty || saving.isPending}>
          {draft.noteId ? 'Save' : 'Add note'}
        </Button>
      </div>
    </form>
  )
}
