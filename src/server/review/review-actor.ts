import type { Note } from '../../contract/review'
import type { StoredNote } from './review-repository'

/**
 * Who changes a take's review: the studio's owner (by the name they signed in with, if any), or a
 * reviewer through a review link (by the name they gave, and their link session).
 */
export type ReviewActor =
  | { kind: 'owner'; name: string | null }
  | { kind: 'reviewer'; name: string | null; session: string }

/**
 * The owner may change every note; a reviewer only the notes their own link session wrote (not
 * those of another reviewer, nor theirs through another link or an earlier session).
 */
export function mayChange(note: StoredNote, actor: ReviewActor): boolean {
  return actor.kind === 'owner' || note.reviewSession === actor.session
}

/** A note as the asker sees it: whether they may change it, and nothing of the session behind it. */
export function presentNote(note: StoredNote, actor: ReviewActor): Note {
  const { reviewSession: _session, ...saved } = note
  return { ...saved, editable: mayChange(note, actor) }
}
