import { ApiError } from '../../contract/errors'
import {
  NOTES_PER_TAKE_MAX,
  noteTimeIssue,
  type CreateNoteFields,
  type EditNoteFields,
} from '../../contract/review'
import type { Verdict } from '../../contract/verdict'
import { notFound } from '../errors'
import type { JobService } from '../jobs/job-service'
import { sidecarFor, sidecarWithReview, type SavedNote } from '../jobs/sidecar'
import type { JobRecord } from '../store/job-record'
import type { Vault } from '../vault/vault'
import { newNoteId } from '../jobs/ids'
import { mayChange, type ReviewActor } from './review-actor'
import { inTimeOrder, type ReviewRepository, type StoredNote } from './review-repository'
import { KeyedQueue } from './keyed-queue'

export interface ReviewServiceDeps {
  jobs: JobService
  repo: ReviewRepository
  vault: Vault
  now: () => Date
}

interface ReviewState {
  verdict: Verdict
  verdictBy: string | null
  notes: readonly StoredNote[]
}

/** A change worked out before anything is written: the review it leads to, and how to store it. */
interface Planned<T> {
  next: ReviewState
  store: (repo: ReviewRepository) => Promise<void>
  result: T
}

/**
 * Notes and verdicts of takes: the one way routes (and the review links' scope) read and change
 * them. A change is worked out first, then written to the take's sidecar, then to the database;
 * a sidecar that cannot be written (a full disk) leaves the database as it was, and a database
 * that refuses puts the old sidecar back, so the two agree (docs/decisions/003).
 */
export class ReviewService {
  /** Changes of one take, one after the other: each sidecar holds every change before it. */
  private readonly queue = new KeyedQueue()

  constructor(private readonly deps: ReviewServiceDeps) {}

  /** The notes of a live take, in time order. */
  async listNotes(jobId: string): Promise<StoredNote[]> {
    await this.deps.jobs.get(jobId)
    return this.deps.repo.notesOf(jobId)
  }

  async createNote(jobId: string, fields: CreateNoteFields, actor: ReviewActor): Promise<StoredNote> {
    const job = await this.reviewable(jobId)
    checkTime(job, fields)
    const now = this.deps.now().toISOString()
    const reviewSession = actor.kind === 'reviewer' ? actor.session : null
    const note: StoredNote = { id: newNoteId(), jobId, ...fields, createdAt: now, updatedAt: now, reviewSession }
    return this.change(job, (current) => {
      if (current.notes.length >= NOTES_PER_TAKE_MAX) {
        throw new ApiError(
          'conflict',
          `A take holds at most ${NOTES_PER_TAKE_MAX} notes: delete some first`,
        )
      }
      return {
        next: { ...current, notes: [...current.notes, note].sort(inTimeOrder) },
        store: (repo) => repo.insertNote(note),
        result: note,
      }
    })
  }

  async editNote(jobId: string, noteId: string, edit: EditNoteFields, actor: ReviewActor): Promise<StoredNote> {
    const job = await this.reviewable(jobId)
    const updatedAt = this.deps.now().toISOString()
    return this.change(job, (current) => {
      const note = changeable(current.notes, noteId, actor)
      const changes = Object.fromEntries(
        Object.entries(edit).filter(([, value]) => value !== undefined),
      )
      const edited: StoredNote = { ...note, ...changes, updatedAt }
      checkTime(job, edited)
      if (edited.text === '' && edited.marks.length === 0) {
        throw new ApiError('invalid_request', 'Write a note or draw a mark', 'text')
      }
      const notes = current.notes
        .map((each) => (each.id === noteId ? edited : each))
        .sort(inTimeOrder)
      return {
        next: { ...current, notes },
        store: (repo) => repo.updateNote(edited),
        result: edited,
      }
    })
  }

  async deleteNote(jobId: string, noteId: string, actor: ReviewActor): Promise<void> {
    const job = await this.reviewable(jobId)
    await this.change(job, (current) => {
      changeable(current.notes, noteId, actor)
      return {
        next: { ...current, notes: current.notes.filter((each) => each.id !== noteId) },
        store: (repo) => repo.deleteNote(jobId, noteId),
        result: undefined,
      }
    })
  }

  /** Sets (or with null clears) a take's verdict, naming who set it; returns the take as it is now. */
  async setVerdict(jobId: string, verdict: Verdict, actor: ReviewActor): Promise<JobRecord> {
    const job = await this.reviewable(jobId)
    const given = { verdict, verdictBy: verdict === null ? null : actor.name }
    await this.change(job, (current) => ({
      next: { ...current, ...given },
      store: (repo) => repo.setVerdict(jobId, given),
      result: undefined,
    }))
    return this.deps.jobs.get(jobId)
  }

  /** A live, finished take: only a take with a picture to look at is reviewed. */
  private async reviewable(jobId: string): Promise<JobRecord> {
    const job = await this.deps.jobs.get(jobId)
    if (job.status !== 'completed') {
      throw new ApiError('conflict', 'Only a finished take can be reviewed: wait for it to render')
    }
    return job
  }

  /**
   * No file is touched inside the database transaction: on SQLite other requests share its one
   * connection, and they must not land in (or be rolled back with) a transaction left open
   * while a file is written.
   */
  private change<T>(job: JobRecord, plan: (current: ReviewState) => Planned<T>): Promise<T> {
    const { repo, vault } = this.deps
    return this.queue.run(job.id, async () => {
      const current: ReviewState = { ...(await repo.verdictOf(job.id)), notes: await repo.notesOf(job.id) }
      const { next, store, result } = plan(current)
      const archived = (await vault.has(job.id, 'sidecar'))
        ? (await vault.read(job.id, 'sidecar')).toString('utf8')
        : null
      const sidecar = (state: ReviewState) => {
        const review = { ...state, notes: state.notes.map(savedNote) }
        return archived ? sidecarWithReview(archived, review) : sidecarFor(job, {}, review)
      }
      await vault.writeFile(job.id, 'sidecar', sidecar(next))
      try {
        await repo.transaction(store)
      } catch (error) {
        await vault
          .writeFile(job.id, 'sidecar', archived ?? sidecar(current))
          .catch(() => undefined)
        throw error
      }
      return result
    })
  }
}

/** The note, if the actor may change it: 404 when there is none, 403 when it is someone else's. */
function changeable(notes: readonly StoredNote[], noteId: string, actor: ReviewActor): StoredNote {
  const note = notes.find((each) => each.id === noteId)
  if (!note) throw notFound(`Note ${noteId}`)
  if (!mayChange(note, actor)) {
    throw new ApiError('forbidden', 'A reviewer can change only the notes they wrote through this link')
  }
  return note
}

/** The sidecar keeps the note, not the session behind it (a hash of a reviewer's cookie). */
function savedNote({ reviewSession: _session, ...note }: StoredNote): SavedNote {
  return note
}

function checkTime(job: JobRecord, time: { at: number; until: number | null }): void {
  const issue = noteTimeIssue(job.seconds, time)
  if (issue) throw new ApiError('invalid_request', issue.message, issue.field)
}
