import { useQuery } from '@tanstack/react-query'
import { useId, useState, type RefObject } from 'react'
import type { Job } from '../../contract/job'
import type { ReviewerView } from '../../contract/links'
import { Button } from '../components/ui/button'
import { Textarea } from '../components/ui/textarea'
import { ReviewerNote } from './reviewer-note'
import { ReviewerVerdict } from './reviewer-verdict'
import { reviewerQueries, useReviewerNotes } from './reviewer-queries'

/** The take's notes; with a comment link, a verdict and a note at the playhead. */
export function ReviewerNotes({ take, view, video }: { take: Job; view: ReviewerView; video: RefObject<HTMLVideoElement | null> }) {
  const notes = useQuery(reviewerQueries.notes(take.id))
  const changes = useReviewerNotes(take.id)
  const { add } = changes
  const [text, setText] = useState('')
  const id = useId()
  const canComment = view.permission === 'comment'
  return (
    <section aria-label="Notes" className="grid grid-cols-1 gap-2">
      {canComment && <ReviewerVerdict take={take} />}
      <h2 className="text-xs font-medium tracking-wide text-text-muted uppercase">Notes</h2>
      {notes.data?.items.length === 0 && <p className="text-xs text-text-subtle">No notes on this take yet.</p>}
      <ul className="grid grid-cols-1 gap-1.5">
        {notes.data?.items.map((note) => <ReviewerNote key={note.id} note={note} changes={changes} />)}
      </ul>
      {canComment && (
        <form
          className="grid gap-2"
          onSubmit={(event) => {
            event.preventDefault()
            const time = Math.min(video.current?.currentTime ?? 0, take.seconds)
            add.mutate({ at: Math.round(time * 100) / 100, text: text.trim(), author: view.reviewer ?? '' }, { onSuccess: () => setText('') })
          }}
        >
          <label htmlFor={id} className="text-xs text-text-muted">
            Note at the playhead, as {view.reviewer}
          </label>
          <Textarea id={id} rows={2} value={text} onChange={(event) => setText(event.target.value)} />
          {add.error && (
            <p role="alert" className="text-xs text-danger">
              {add.error.message}
            </p>
          )}
          <Button type="submit" size="sm" variant="primary" className="justify-self-start" disabled={!text.trim() || add.isPending}>
            Add note
          </Button>
        </form>
      )}
    </section>
  )
}
