import { ApiError } from '../../contract/errors'
import {
  NOTES_PER_TAKE_MAX,
  noteTimeIssue,
  type CreateNoteFields,
  type EditNoteFields,
  type Note,
} from '../../contract/review'
import type { Verdict } from '../../contract/verdict'
import { notFound } from '../errors'
import type { JobService } from '../jobs/job-service'
import { sidecarFor, sidecarWithReview } from '../jobs/sidecar'
import type { JobRecord } from '../store/job-record'
import type { Vault } from '../vault/vault'
import { newNoteId } from '../jobs/ids'
import type { ReviewRepository } from './review-repository'
import { KeyedQueue } from './keyed-queue'

export interface ReviewServiceDeps {
  jobs: JobService
  repo: ReviewRepository
  vault: Vault
  now: () => Date
}

/**
 * Notes and verdicts of takes: the one way routes (and the review links' scope) read and change
 * them. Each change and the rewrite of the take's sidecar happen in one transaction, so a sidecar
 * that cannot be written (a full disk) undoes the change: the database and the vault agree.
 */
export class ReviewService {
  /** Changes of one take, one after the other: each sidecar holds every change before it. */
  private readonly queue = new KeyedQueue()

  constructor(private readonly deps: ReviewServiceDeps) {}

  /** The notes of a live take, in time order. */
  async listNotes(jobId: string): Promise<Note[]> {
    this.deps.jobs.get(jobId)
    return this.deps.repo.notesOf(jobId)
  }

  async createNote(jobId: string, fields: CreateNoteFields): Promise<Note> {
    const job = this.reviewable(jobId)
    checkTime(job, fields)
    const now = this.deps.now().toISOString()
    const note: Note = { id: newNoteId(), jobId, ...fields, createdAt: now, updatedAt: now }
    return this.change(job, async (repo) => {
      if ((await repo.countNotes(jobId)) >= NOTES_PER_TAKE_MAX) {
        throw new ApiError(
          'conflict',
          `A take holds at most ${NOTES_PER_TAKE_MAX} notes: delete some first`,
        )
      }
      await repo.insertNote(note)
      return note
    })
  }

  async editNote(jobId: string, noteId: string, edit: EditNoteFields): Promise<Note> {
    const job = this.reviewable(jobId)
    return this.change(job, async (repo) => {
      const note = await repo.note(jobId, noteId)
      if (!note) throw notFound(`Note ${noteId}`)
      const changes = Object.fromEntries(
        Object.entries(edit).filter(([, value]) => value !== undefined),
      )
      const edited: Note = { ...note, ...changes, updatedAt: this.deps.now().toISOString() }
      checkTime(job, edited)
      if (edited.text === '' && edited.marks.length === 0) {
        throw new ApiError('invalid_request', 'Write a note or draw a mark', 'text')
      }
      await repo.updateNote(edited)
      return edited
    })
  }

  async deleteNote(jobId: string, noteId: string): Promise<void> {
    const job = this.reviewable(jobId)
    await this.change(job, async (repo) => {
      if (!(await repo.note(jobId, noteId))) throw notFound(`Note ${noteId}`)
      await repo.deleteNote(jobId, noteId)
    })
  }

  /** Sets (or with null clears) a take's verdict; returns the take as it is now. */
  async setVerdict(jobId: string, verdict: Verdict): Promise<JobRecord> {
    const job = this.reviewable(jobId)
    await this.change(job, (repo) => repo.setVerdict(jobId, verdict))
    return this.deps.jobs.get(jobId)
  }

  /** A live, finished take: only a take with a picture to look at is reviewed. */
  private reviewable(jobId: string): JobRecord {
    const job = this.deps.jobs.get(jobId)
    if (job.status !== 'completed') {
      throw new ApiError('conflict', 'Only a finished take can be reviewed: wait for it to render')
    }
    return job
  }

  private change<T>(job: JobRecord, apply: (repo: ReviewRepository) => Promise<T>): Promise<T> {
    return this.queue.run(job.id, () =>
      this.deps.repo.transaction(async (repo) => {
        const result = await apply(repo)
        const review = { verdict: await repo.verdictOf(job.id), notes: await repo.notesOf(job.id) }
        const { vault } = this.deps
        const sidecar = (await vault.has(job.id, 'sidecar'))
          ? sidecarWithReview((await vault.read(job.id, 'sidecar')).toString('utf8'), review)
          : sidecarFor(job, {}, review)
        await vault.writeFile(job.id, 'sidecar', sidecar)
        return result
      }),
    )
  }
}

function checkTime(job: JobRecord, time: { at: number; until: number | null }): void {
  const issue = noteTimeIssue(job.seconds, time)
  if (issue) throw new ApiError('invalid_request', issue.message, issue.field)
}
