import type { Kysely } from 'kysely'
import { markSchema, type Mark } from '../../contract/review'
import { foldForSearch } from '../../contract/search'
import type { Verdict } from '../../contract/verdict'
import type { SavedNote } from '../jobs/sidecar'
import type { StudioTables } from '../store/tables'

/**
 * A note as stored: the contract's note without `editable` (which depends on who asks), with the
 * hash of the review-link session that wrote it (null when written in the studio).
 */
export interface StoredNote extends SavedNote {
  reviewSession: string | null
}

/** A take's verdict and who set it. */
export interface StoredVerdict {
  verdict: Verdict
  verdictBy: string | null
}

interface NoteRow {
  id: string
  job_id: string
  at_seconds: number
  until_seconds: number | null
  body: string
  author: string
  marks: string
  created_at: string
  updated_at: string
  review_session: string | null
}

// Marks were checked against the contract on the way in; parsing again keeps a hand-edited row
// from reaching a client in a shape it cannot draw.
function toNote(row: NoteRow): StoredNote {
  const marks = (JSON.parse(row.marks) as unknown[]).flatMap((mark) => {
    const parsed = markSchema.safeParse(mark)
    return parsed.success ? [parsed.data] : []
  })
  return {
    id: row.id,
    jobId: row.job_id,
    at: row.at_seconds,
    until: row.until_seconds,
    text: row.body,
    author: row.author,
    marks,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    reviewSession: row.review_session,
  }
}

const columnsOf = (note: SavedNote) => ({
  at_seconds: note.at,
  until_seconds: note.until,
  body: note.text,
  // Folded once here, so the list's search compares plain LIKE on SQLite and PostgreSQL alike.
  search_text: foldForSearch(note.text),
  marks: JSON.stringify(note.marks satisfies Mark[]),
  updated_at: note.updatedAt,
})

/** The order of a take's notes: by time, then as written (notesOf sorts the same in SQL). */
export function inTimeOrder(a: SavedNote, b: SavedNote): number {
  if (a.at !== b.at) return a.at - b.at
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Notes and verdicts of takes. Every write keeps jobs.notes_count, which the list reads. */
export class ReviewRepository {
  constructor(private readonly db: Kysely<StudioTables>) {}

  /** Runs `work` in one transaction, on a repository bound to it. */
  transaction<T>(work: (repo: ReviewRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new ReviewRepository(trx)))
  }

  /** A take's notes in time order, then in the order they were written. */
  async notesOf(jobId: string): Promise<StoredNote[]> {
    const rows = await this.db
      .selectFrom('notes')
      .selectAll()
      .where('job_id', '=', jobId)
      .orderBy('at_seconds')
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    return rows.map(toNote)
  }

  private async countNotes(jobId: string): Promise<number> {
    const row = await this.db
      .selectFrom('notes')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('job_id', '=', jobId)
      .executeTakeFirst()
    // Kysely types a count as number, string or bigint (the store reads PostgreSQL's bigint as a number).
    return Number(row?.n ?? 0)
  }

  async insertNote(note: StoredNote): Promise<void> {
    await this.db
      .insertInto('notes')
      .values({
        id: note.id,
        job_id: note.jobId,
        author: note.author,
        created_at: note.createdAt,
        review_session: note.reviewSession,
        ...columnsOf(note),
      })
      .execute()
    await this.recount(note.jobId)
  }

  async updateNote(note: SavedNote): Promise<void> {
    await this.db
      .updateTable('notes')
      .set(columnsOf(note))
      .where('id', '=', note.id)
      .where('job_id', '=', note.jobId)
      .execute()
  }

  async deleteNote(jobId: string, noteId: string): Promise<void> {
    await this.db.deleteFrom('notes').where('id', '=', noteId).where('job_id', '=', jobId).execute()
    await this.recount(jobId)
  }

  async verdictOf(jobId: string): Promise<StoredVerdict> {
    const row = await this.db
      .selectFrom('jobs')
      .select(['verdict', 'verdict_by'])
      .where('id', '=', jobId)
      .executeTakeFirst()
    return { verdict: (row?.verdict ?? null) as Verdict, verdictBy: row?.verdict_by ?? null }
  }

  async setVerdict(jobId: string, { verdict, verdictBy }: StoredVerdict): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ verdict, verdict_by: verdictBy })
      .where('id', '=', jobId)
      .execute()
  }

  /** The live takes of a group, or every live circled take, oldest first: what an export covers. */
  async takeIds(scope: { group: string } | { verdict: 'circled' }): Promise<string[]> {
    let query = this.db.selectFrom('jobs').select('id').where('deleted_at', 'is', null)
    query =
      'group' in scope
        ? query.where('group_id', '=', scope.group)
        : query.where('verdict', '=', scope.verdict)
    const rows = await query.orderBy('seq').execute()
    return rows.map((row) => row.id)
  }

  private async recount(jobId: string): Promise<void> {
    const notesCount = await this.countNotes(jobId)
    await this.db
      .updateTable('jobs')
      .set({ notes_count: notesCount })
      .where('id', '=', jobId)
      .execute()
  }
}
