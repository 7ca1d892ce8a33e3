import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type RefObject } from 'react'
import { z } from 'zod'
import type { Job } from '../../contract/job'
import { REVIEW_API_PREFIX, type ReviewerView } from '../../contract/links'
import { VERDICT_LABELS, VERDICTS, type VerdictValue } from '../../contract/verdict'
import { Button } from '../components/ui/button'
import { Textarea } from '../components/ui/textarea'
import { apiRequest } from '../lib/api-client'
import { reviewerQueries, useAddNote } from './reviewer-queries'

const at = (seconds: number) => `${Math.floor(seconds / 60)}:${(seconds % 60).toFixed(1).padStart(4, '0')}`

/** The take's notes; with a comment link, a note at the playhead and a verdict. */
export function ReviewerNotes({ take, view, video }: { take: Job; view: ReviewerView; video: RefObject<HTMLVideoElement | null> }) {
  const notes = useQuery(reviewerQueries.notes(take.id))
  const add = useAddNote(take.id)
  const client = useQueryClient()
  const verdict = useMutation({
    mutationFn: (value: VerdictValue | null) =>
      apiRequest(`${REVIEW_API_PREFIX}/jobs/${encodeURIComponent(take.id)}/verdict`, z.unknown(), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ verdict: value }),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewerQueries.view().queryKey }),
  })
  const [text, setText] = useState('')
  const id = useId()
  const canComment = view.permission === 'comment'
  return (
    <section aria-label="Notes" className="grid grid-cols-1 gap-2">
      {canComment && (
        <div role="group" aria-label="Verdict" className="flex flex-wrap gap-1.5">
          {VERDICTS.map((value) => (
            <Button
              key={value}
              size="sm"
              variant={take.verdict === value ? 'primary' : 'secondary'}
              aria-pressed={take.verdict === value}
              disabled={verdict.isPending}
              onClick={() => verdict.mutate(take.verdict === value ? null : value)}
            >
              {VERDICT_LABELS[value]}
            </Button>
          ))}
        </div>
      )}
      <h2 className="text-xs font-medium tracking-wide text-text-muted uppercase">Notes</h2>
      {notes.data?.items.length === 0 && <p className="text-xs text-text-subtle">No notes on this take yet.</p>}
      <ul className="grid grid-cols-1 gap-1.5">
        {notes.data?.items.map((note) => (
          <li key={note.id} className="rounded-md bg-surface px-2.5 py-1.5 text-sm">
            <span className="mr-2 font-mono text-xs text-text-muted">{at(note.at)}</span>
            <span className="mr-2 text-xs font-medium text-text-muted">{note.author}</span>
            <span dir="auto">{note.text}</span>
          </li>
        ))}
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
