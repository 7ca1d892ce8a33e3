import { useQuery } from '@tanstack/react-query'
import type { Job } from '../../../contract/job'
import type { Note } from '../../../contract/review'
import type { Verdict } from '../../../contract/verdict'
import type { VideoSync } from '../../lib/use-video-sync'
import { noteQueries } from './note-queries'
import { useNoteDraft, type NoteDrafting } from './use-note-draft'
import { useSetVerdict } from './use-set-verdict'
import { verdictForKey } from './verdict-keys'

export interface TakeReview {
  notes: readonly Note[]
  error: Error | null
  drafting: NoteDrafting
  /** The verdict shown: the one being saved, else the take's. */
  verdict: Verdict
  setVerdict: (verdict: Verdict) => void
  verdictSaving: boolean
  verdictError: Error | null
  /** The viewer's extra keys (docs/keyboard.md): N, Esc, the verdicts. True if used. */
  onKey: (event: KeyboardEvent) => boolean
}

const NO_NOTES: readonly Note[] = []
/** While a note is open, the keys that would leave the take (and lose the note) do nothing. */
const LEAVING_KEYS = new Set([
  'Delete',
  'Backspace',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
])

/** The review of the take in the viewer: its notes, the note being written, its verdict, its keys. */
export function useTakeReview(job: Job, sync: VideoSync): TakeReview {
  const done = job.status === 'completed'
  const query = useQuery({ ...noteQueries.list(job.id), enabled: done })
  const drafting = useNoteDraft(sync)
  const verdictMutation = useSetVerdict(job.id)
  const verdict = verdictMutation.isPending ? verdictMutation.variables : job.verdict
  const setVerdict = (next: Verdict) => verdictMutation.mutate(next)

  const onKey = (event: KeyboardEvent) => {
    if (!done) return false
    if (event.key.toLowerCase() === 'n') {
      drafting.start()
      return true
    }
    if (drafting.draft && (event.key === 'Escape' || LEAVING_KEYS.has(event.key))) {
      if (event.key === 'Escape') drafting.cancel()
      return true
    }
    const given = verdictForKey(event)
    if (!given) return false
    setVerdict(verdict === given ? null : given)
    return true
  }

  return {
    notes: query.data ?? NO_NOTES,
    error: query.error,
    drafting,
    verdict,
    setVerdict,
    verdictSaving: verdictMutation.isPending,
    verdictError: verdictMutation.error,
    onKey,
  }
}
