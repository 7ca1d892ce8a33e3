import { useQuery } from '@tanstack/react-query'
import type { Job } from '../../../contract/job'
import type { Note } from '../../../contract/review'
import type { VideoSync } from '../../lib/use-video-sync'
import { noteQueries } from './note-queries'
import { useNoteDraft, type NoteDrafting } from './use-note-draft'

export interface TakeReview {
  notes: readonly Note[]
  error: Error | null
  drafting: NoteDrafting
  /** The viewer's extra keys (docs/keyboard.md): N a note, Esc lets go of one. True if used. */
  onKey: (event: KeyboardEvent) => boolean
}

const NO_NOTES: readonly Note[] = []

/** The review state of the take in the viewer: its notes, the note being written, its keys. */
export function useTakeReview(job: Job, sync: VideoSync): TakeReview {
  const query = useQuery({ ...noteQueries.list(job.id), enabled: job.status === 'completed' })
  const drafting = useNoteDraft(sync)
  const onKey = (event: KeyboardEvent) => {
    if (job.status !== 'completed') return false
    const key = event.key.toLowerCase()
    if (key === 'n') {
      drafting.start()
      return true
    }
    if (event.key === 'Escape' && drafting.draft) {
      drafting.cancel()
      return true
    }
    return false
  }
  return { notes: query.data ?? NO_NOTES, error: query.error, drafting, onKey }
}
