import type { Kysely } from 'kysely'
import type { JobStatus } from '../../contract/job-status'
import type { VerdictValue } from '../../contract/verdict'
import { searchWords } from '../../contract/search'
import type { JobRecord } from './job-record'
import { toRecord } from './job-rows'
import type { StudioTables } from './tables'

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

export interface ListPage {
  readonly items: readonly JobRecord[]
  readonly lastSeq: number | null
  readonly hasMore: boolean
}

/**
 * One page of the gallery, newest first. Read from the database every time: with several
 * replicas behind one address, no replica can tell from its own writes whether a page it kept
 * is still current (the seq index makes the first page cheap anyway; see docs/benchmarks.md).
 */
export async function listJobs(db: Kysely<StudioTables>, filter: ListFilter): Promise<ListPage> {
  let query = db.selectFrom('jobs').selectAll().where('deleted_at', 'is', null)
  if (filter.status?.length) query = query.where('status', 'in', filter.status)
  if (filter.model) query = query.where('model', '=', filter.model)
  if (filter.size) query = query.where('size', '=', filter.size)
  // Folded words hold letters and digits only, so none of LIKE's wildcards; prompts and notes
  // are kept folded the same way (contract/search.ts), lower case on both sides for PostgreSQL's
  // LIKE. A take without notes skips the subquery on its counter.
  for (const word of searchWords(filter.q ?? '')) {
    const pattern = `%${word}%`
    query = query.where((eb) =>
      eb.or([
        eb('prompt_search', 'like', pattern),
        eb.and([
          eb('notes_count', '>', 0),
          eb.exists(
            eb
              .selectFrom('notes')
              .select(eb.lit(1).as('one'))
              .whereRef('notes.job_id', '=', 'jobs.id')
              .where('notes.search_text', 'like', pattern),
          ),
        ]),
      ]),
    )
  }
  if (filter.verdict) query = query.where('verdict', '=', filter.verdict)
  if (filter.group) query = query.where('group_id', '=', filter.group)
  if (filter.author) query = query.where('author', '=', filter.author)
  if (filter.remixOf) query = query.where('remix_of', '=', filter.remixOf)
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq)
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(filter.limit + 1)
    .execute()
  const page = rows.slice(0, filter.limit)
  return {
    items: page.map(toRecord),
    lastSeq: page.at(-1)?.seq ?? null,
    hasMore: rows.length > filter.limit,
  }
}
