import type { Statement } from 'better-sqlite3'
import { ACTIVE_STATUSES, type JobErrorKind, type JobStatus } from '../../contract/job'
import type { Verdict, VerdictValue } from '../../contract/verdict'
import { foldForSearch, searchWords } from '../../contract/search'
import type { Db } from './database'
import type { JobPatch, JobRecord } from './job-record'

interface Row {
  seq: number
  id: string
  upstream_id: string | null
  provider: string
  prompt: string
  model: string
  size: string
  seconds: number
  fit: string
  status: string
  progress: number
  error_code: string | null
  error_kind: string | null
  error_message: string | null
  created_at: string
  updated_at: string
  completed_at: string | null
  remix_of: string | null
  group_id: string | null
  take_letter: string
  deleted_at: string | null
  reference_hash: string | null
  reference_width: number | null
  reference_height: number | null
  has_thumbnail: number
  has_spritesheet: number
  cost_usd: number
  provider_model: string | null
  last_reference_hash: string | null
  last_reference_width: number | null
  last_reference_height: number | null
  cost_known: number
  verdict: string | null
  notes_count: number
  author: string | null
}

export interface ListFilter {
  /** Any of these statuses. */
  status?: readonly JobStatus[] | undefined
  model?: string | undefined
  size?: string | undefined
  /** Words each found in the prompt or in the text of one of the take's notes. */
  q?: string | undefined
  verdict?: VerdictValue | undefined
  group?: string | undefined
  remixOf?: string | undefined
  author?: string | undefined
  limit: number
  /** Only jobs older (lower seq) than this position: the list is newest first. */
  beforeSeq?: number | undefined
}

// Values come from rows this repository wrote itself, through validated JobRecords.
function toRecord(row: Row): JobRecord {
  return {
    id: row.id,
    upstreamId: row.upstream_id,
    provider: row.provider as JobRecord['provider'],
    prompt: row.prompt,
    model: row.model,
    providerModel: row.provider_model,
    size: row.size,
    seconds: row.seconds,
    fit: row.fit as JobRecord['fit'],
    status: row.status as JobStatus,
    progress: row.progress,
    error:
      row.error_code !== null
        ? {
            code: row.error_code,
            // Rows older than the kind's column were classified by their code in its migration.
            kind: (row.error_kind ?? 'studio') as JobErrorKind,
            message: row.error_message ?? '',
          }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    remixOf: row.remix_of,
    group: row.group_id,
    take: row.take_letter,
    reference: storedReference(row.reference_hash, row.reference_width, row.reference_height),
    lastReference: storedReference(row.last_reference_hash, row.last_reference_width, row.last_reference_height),
    hasThumbnail: row.has_thumbnail === 1,
    hasSpritesheet: row.has_spritesheet === 1,
    costUsd: row.cost_known === 1 ? row.cost_usd : null,
    verdict: row.verdict as Verdict,
    notesCount: row.notes_count,
    author: row.author,
  }
}

export interface ListPage {
  readonly items: readonly JobRecord[]
  readonly lastSeq: number | null
  readonly hasMore: boolean
}

/** Pages kept between writes; past this many distinct queries the memo starts over. */
const PAGE_MEMO_SIZE = 64

/** Records handed out more than once are frozen, so no caller can change another's copy. */
function frozen(job: JobRecord): JobRecord {
  if (job.error) Object.freeze(job.error)
  if (job.reference) Object.freeze(job.reference)
  if (job.lastReference) Object.freeze(job.lastReference)
  return Object.freeze(job)
}

function storedReference(hash: string | null, width: number | null, height: number | null): JobRecord['reference'] {
  return hash !== null ? { hash, width: width ?? 0, height: height ?? 0 } : null
}

const LIVE = 'deleted_at IS NULL'

export class JobRepository {
  private readonly byId
  private readonly seqById
  private readonly insertStmt
  private readonly deleteStmt
  private readonly activeStmt
  /** Statements of the SQL built per call (list filters, update patches), compiled once each. */
  private readonly prepared = new Map<string, Statement>()
  /**
   * List pages by query, valid while the database is unchanged: every tab polls the same first
   * page every few seconds. SQLite counts every row this connection changes (total_changes, so
   * any writer in this process) and every commit by another connection (data_version).
   */
  private readonly pages = new Map<string, ListPage>()
  private pagesVersion = ''
  private readonly versionStmt

  constructor(private readonly db: Db) {
    // The list's search compares folded text on both sides (see contract/search.ts).
    db.function('fold_for_search', { deterministic: true }, (text) => foldForSearch(String(text)))
    this.byId = db.prepare<[string], Row>(`SELECT * FROM jobs WHERE id = ? AND ${LIVE}`)
    this.seqById = db.prepare<[string], { seq: number }>('SELECT seq FROM jobs WHERE id = ?')
    this.insertStmt = db.prepare(`
      INSERT INTO jobs (id, upstream_id, provider, prompt, model, size, seconds, fit, status, progress,
        error_code, error_message, created_at, updated_at, completed_at, remix_of, group_id, take_letter,
        reference_hash, reference_width, reference_height, has_thumbnail, has_spritesheet, cost_usd,
        provider_model, last_reference_hash, last_reference_width, last_reference_height, cost_known,
        error_kind, author)
      VALUES (@id, @upstreamId, @provider, @prompt, @model, @size, @seconds, @fit, @status, @progress,
        @errorCode, @errorMessage, @createdAt, @updatedAt, @completedAt, @remixOf, @group, @take,
        @referenceHash, @referenceWidth, @referenceHeight, @hasThumbnail, @hasSpritesheet, @costUsd,
        @providerModel, @lastReferenceHash, @lastReferenceWidth, @lastReferenceHeight, @costKnown,
        @errorKind, @author)`)
    this.versionStmt = db
      .prepare<[], string>("SELECT total_changes() || ':' || data_version FROM pragma_data_version")
      .pluck()
    this.deleteStmt = db.prepare<[string]>('DELETE FROM jobs WHERE id = ?')
    this.activeStmt = db.prepare<[], Row>(
      `SELECT * FROM jobs WHERE status IN (${ACTIVE_STATUSES.map((s) => `'${s}'`).join(',')}) AND ${LIVE} ORDER BY seq`,
    )
  }

  insert(job: JobRecord): void {
    const { reference, lastReference, ...fields } = job
    this.insertStmt.run({
      ...fields,
      errorCode: job.error?.code ?? null,
      errorKind: job.error?.kind ?? null,
      errorMessage: job.error?.message ?? null,
      referenceHash: reference?.hash ?? null,
      referenceWidth: reference?.width ?? null,
      referenceHeight: reference?.height ?? null,
      lastReferenceHash: lastReference?.hash ?? null,
      lastReferenceWidth: lastReference?.width ?? null,
      lastReferenceHeight: lastReference?.height ?? null,
      hasThumbnail: job.hasThumbnail ? 1 : 0,
      hasSpritesheet: job.hasSpritesheet ? 1 : 0,
      costUsd: job.costUsd ?? 0,
      costKnown: job.costUsd === null ? 0 : 1,
    })
  }

  get(id: string): JobRecord | null {
    const row = this.byId.get(id)
    return row ? toRecord(row) : null
  }

  /** Applies a patch and returns the job as stored, or null when it was deleted meanwhile. */
  update(id: string, patch: JobPatch, now: string): JobRecord | null {
    const sets: string[] = ['updated_at = @now']
    const params: Record<string, unknown> = { id, now }
    const column: Record<string, string> = {
      upstreamId: 'upstream_id',
      status: 'status',
      progress: 'progress',
      completedAt: 'completed_at',
      providerModel: 'provider_model',
    }
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'error') {
        const error = value as JobRecord['error']
        sets.push('error_code = @errorCode', 'error_kind = @errorKind', 'error_message = @errorMessage')
        params.errorCode = error?.code ?? null
        params.errorKind = error?.kind ?? null
        params.errorMessage = error?.message ?? null
      } else if (key === 'costUsd') {
        sets.push('cost_usd = @costUsd', 'cost_known = @costKnown')
        params.costUsd = value ?? 0
        params.costKnown = value === null ? 0 : 1
      } else if (key === 'hasThumbnail' || key === 'hasSpritesheet') {
        const name = key === 'hasThumbnail' ? 'has_thumbnail' : 'has_spritesheet'
        sets.push(`${name} = @${key}`)
        params[key] = value ? 1 : 0
      } else if (column[key]) {
        sets.push(`${column[key]} = @${key}`)
        params[key] = value
      }
    }
    this.statement(`UPDATE jobs SET ${sets.join(', ')} WHERE id = @id`).run(params)
    return this.get(id)
  }

  /**
   * A prepared statement for SQL this class builds from a fixed set of column names, so there
   * are a few dozen variants at most: compiling each once saves most of a list request's cost.
   */
  private statement(sql: string): Statement {
    let statement = this.prepared.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.prepared.set(sql, statement)
    }
    return statement
  }

  /** Removes the row for good (a purge); soft-deleted or not. */
  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0
  }

  /** Hides a job from every read until it is restored or purged. */
  softDelete(id: string, now: string): boolean {
    const sql = `UPDATE jobs SET deleted_at = ? WHERE id = ? AND ${LIVE}`
    return this.statement(sql).run(now, id).changes > 0
  }

  /** Brings a soft-deleted job back; null when there is none by that id. */
  restore(id: string): JobRecord | null {
    const changed = this.statement('UPDATE jobs SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(id)
    return changed.changes > 0 ? this.get(id) : null
  }

  /** Soft-deleted jobs deleted at or before `cutoff` (every one when it is omitted), with their upstream ids. */
  deletedBefore(cutoff?: string): { id: string; upstreamId: string | null }[] {
    const rows = this.db
      .prepare<[string], { id: string; upstream_id: string | null }>(
        'SELECT id, upstream_id FROM jobs WHERE deleted_at IS NOT NULL AND deleted_at <= ?',
      )
      .all(cutoff ?? '9999')
    return rows.map((row) => ({ id: row.id, upstreamId: row.upstream_id }))
  }

  /** How many takes a submit has had, deleted ones included, so letters are never reused. */
  takesInGroup(group: string): number {
    const row = this.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM jobs WHERE group_id = ?').get(group)
    return row?.n ?? 0
  }

    /** Active jobs: the watcher still owes them work (or, `submitting`, they were caught mid-submit by a crash). */
  unfinished(): JobRecord[] {
    return this.activeStmt.all().map(toRecord)
  }

  seqOf(id: string): number | null {
    return this.seqById.get(id)?.seq ?? null
  }

  list(filter: ListFilter): ListPage {
    const version = this.versionStmt.get() ?? ''
    if (version !== this.pagesVersion) {
      this.pages.clear()
      this.pagesVersion = version
    }
    const key = JSON.stringify(filter)
    const memo = this.pages.get(key)
    if (memo) return memo
    const page = this.query(filter)
    if (this.pages.size >= PAGE_MEMO_SIZE) this.pages.clear()
    this.pages.set(key, page)
    return page
  }

  private query(filter: ListFilter): ListPage {
    const where: string[] = [LIVE]
    const params: Record<string, unknown> = { limit: filter.limit + 1 }
    if (filter.status?.length) {
      const names = filter.status.map((status, i) => {
        params[`status${i}`] = status
        return `@status${i}`
      })
      where.push(`status IN (${names.join(', ')})`)
    }
    for (const key of ['model', 'size'] as const) {
      if (filter[key]) {
        where.push(`${key} = @${key}`)
        params[key] = filter[key]
      }
    }
    searchWords(filter.q ?? '').forEach((word, i) => {
      // Folded words hold letters and digits only, so none of LIKE's wildcards. Notes keep their
      // text folded (search_text), and a take without notes skips the subquery on its counter.
      where.push(
        `(fold_for_search(prompt) LIKE @q${i} OR (notes_count > 0 AND EXISTS ` +
          `(SELECT 1 FROM notes WHERE notes.job_id = jobs.id AND notes.search_text LIKE @q${i})))`,
      )
      params[`q${i}`] = `%${word}%`
    })
    if (filter.verdict) {
      where.push('verdict = @verdict')
      params.verdict = filter.verdict
    }
    if (filter.group) {
      where.push('group_id = @group')
      params.group = filter.group
    }
    if (filter.author) {
      where.push('author = @author')
      params.author = filter.author
    }
    if (filter.remixOf) {
      where.push('remix_of = @remixOf')
      params.remixOf = filter.remixOf
    }
    if (filter.beforeSeq !== undefined) {
      where.push('seq < @beforeSeq')
      params.beforeSeq = filter.beforeSeq
    }
    const sql = `SELECT * FROM jobs WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit`
    const rows = this.statement(sql).all(params) as Row[]
    const hasMore = rows.length > filter.limit
    const page = rows.slice(0, filter.limit)
    return Object.freeze({
      items: Object.freeze(page.map((row) => frozen(toRecord(row)))),
      lastSeq: page.at(-1)?.seq ?? null,
      hasMore,
    })
  }
}
