import type { Kysely } from 'kysely'
import { ACTIVE_STATUSES } from '../../contract/job-status'
import { listJobs, type ListFilter, type ListPage } from './job-list'
import type { JobPatch, JobRecord } from './job-record'
import { patchColumns, toRecord, toRow } from './job-rows'
import { spendSince, type SpendTotals } from './job-spend'
import type { ReadMemo } from './read-memo'
import type { StudioTables } from './tables'

export type { ListFilter, ListPage } from './job-list'

export interface UpdateOptions {
  /**
   * Only while the job is unfinished: the watcher's writes, so what it learnt from the provider
   * never overwrites a cancel (or any end) written meanwhile by a request, on any replica.
   */
  whileActive?: boolean
  /** Only while this replica holds the job's lease: a replica that lost it writes nothing (ADR 007). */
  leaseOwner?: string
}

/** The lease a job is inserted with: the replica creating it follows it. */
export interface NewJobLease {
  lease_owner: string
  lease_until: string
}

/** Job rows, on SQLite or PostgreSQL: a soft-deleted job is invisible to every read but purge's. */
export class JobRepository {
  /** `memo`: keeps what get and list read until the database changes (see read-memo). */
  constructor(
    private readonly db: Kysely<StudioTables>,
    private readonly memo: ReadMemo | null = null,
  ) {}

  async insert(job: JobRecord, lease?: NewJobLease): Promise<void> {
    await this.db
      .insertInto('jobs')
      .values({ ...toRow(job), ...lease })
      .execute()
  }

  get(id: string): Promise<JobRecord | null> {
    return this.memo ? this.memo.read(`get ${id}`, () => this.read(id)) : this.read(id)
  }

  private async read(id: string): Promise<JobRecord | null> {
    const row = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    return row ? toRecord(row) : null
  }

  /** Applies a patch and returns the job as stored, or null when it was not there to patch (deleted, or ended). */
  async update(
    id: string,
    patch: JobPatch,
    now: string,
    options: UpdateOptions = {},
  ): Promise<JobRecord | null> {
    let query = this.db
      .updateTable('jobs')
      .set({ ...patchColumns(patch), updated_at: now })
      .where('id', '=', id)
    if (options.whileActive) query = query.where('status', 'in', ACTIVE_STATUSES)
    if (options.leaseOwner !== undefined)
      query = query.where('lease_owner', '=', options.leaseOwner)
    const { numUpdatedRows } = await query.executeTakeFirst()
    return numUpdatedRows > 0n ? this.get(id) : null
  }

  /** Removes the row for good (a purge); soft-deleted or not. */
  async delete(id: string): Promise<boolean> {
    const { numDeletedRows } = await this.db
      .deleteFrom('jobs')
      .where('id', '=', id)
      .executeTakeFirst()
    return numDeletedRows > 0n
  }

  /** Hides a job from every read until it is restored or purged. */
  async softDelete(id: string, now: string): Promise<boolean> {
    const { numUpdatedRows } = await this.db
      .updateTable('jobs')
      .set({ deleted_at: now })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    return numUpdatedRows > 0n
  }

  /** Brings a soft-deleted job back; null when there is none by that id. */
  async restore(id: string): Promise<JobRecord | null> {
    const { numUpdatedRows } = await this.db
      .updateTable('jobs')
      .set({ deleted_at: null })
      .where('id', '=', id)
      .where('deleted_at', 'is not', null)
      .executeTakeFirst()
    return numUpdatedRows > 0n ? this.get(id) : null
  }

  /** Soft-deleted jobs deleted at or before `cutoff` (every one when it is omitted), with their upstream ids. */
  async deletedBefore(cutoff?: string): Promise<{ id: string; upstreamId: string | null }[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['id', 'upstream_id'])
      .where('deleted_at', 'is not', null)
      .where('deleted_at', '<=', cutoff ?? '9999')
      .execute()
    return rows.map((row) => ({ id: row.id, upstreamId: row.upstream_id }))
  }

  /** How many takes a submit has had, deleted ones included, so letters are never reused. */
  async takesInGroup(group: string): Promise<number> {
    const row = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('group_id', '=', group)
      .executeTakeFirst()
    // Kysely types a count as number, string or bigint (the store reads PostgreSQL's bigint as a number).
    return Number(row?.n ?? 0)
  }

  /** Active jobs: the watcher still owes them work (or, `submitting`, they were caught mid-submit by a crash). */
  async unfinished(): Promise<JobRecord[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where('status', 'in', ACTIVE_STATUSES)
      .where('deleted_at', 'is', null)
      .orderBy('seq')
      .execute()
    return rows.map(toRecord)
  }

  async seqOf(id: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('jobs')
      .select('seq')
      .where('id', '=', id)
      .executeTakeFirst()
    return row?.seq ?? null
  }

  list(filter: ListFilter): Promise<ListPage> {
    if (!this.memo) return listJobs(this.db, filter)
    return this.memo.read(`list ${JSON.stringify(filter)}`, () => listJobs(this.db, filter))
  }

  /** What the takes started at or after `since` (ISO, UTC) cost: the header's spend today. */
  spend(since: string): Promise<SpendTotals> {
    if (!this.memo) return spendSince(this.db, since)
    return this.memo.read(`spend ${since}`, () => spendSince(this.db, since))
  }
}
