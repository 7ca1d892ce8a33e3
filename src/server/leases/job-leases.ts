import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'
import { ACTIVE_STATUSES } from '../../contract/job-status'
import type { StoreDialect, StudioTables } from '../store/tables'
import { leaseEnd, type LeaseTerms } from './replica'

/** A lease end before any real time: the lease has run out. */
const EXPIRED = '1970-01-01T00:00:00.000Z'

export interface Claimed {
  ids: string[]
  /** How many of them another replica held until its lease ran out. */
  takenOver: number
}

/**
 * Leases on unfinished jobs (ADR 007): a job is polled and archived only by the replica whose
 * lease it carries. Every statement here is one atomic UPDATE, so two replicas never both win.
 */
export class JobLeases {
  constructor(
    private readonly db: Kysely<StudioTables>,
    private readonly dialect: StoreDialect,
    readonly terms: LeaseTerms,
  ) {}

  get owner(): string {
    return this.terms.owner
  }

  /** The lease columns of a job this replica creates: it follows its own jobs from the first moment. */
  forNewJob(now: Date): { lease_owner: string; lease_until: string } {
    return { lease_owner: this.owner, lease_until: leaseEnd(now, this.terms) }
  }

  /**
   * Takes the unfinished jobs nobody holds, then those whose holder stopped renewing (a
   * takeover). One UPDATE each over a locked subquery: on PostgreSQL `FOR UPDATE SKIP LOCKED`
   * hands concurrent claimers disjoint rows; SQLite runs one writer at a time anyway. The outer
   * WHERE repeats the test, so a row another replica claimed meanwhile is never taken.
   */
  async claim(now: Date, limit?: number): Promise<Claimed> {
    const at = now.toISOString()
    const free = await this.claimWhere(now, limit, (eb) => eb('lease_owner', 'is', null))
    const rest = limit === undefined ? undefined : limit - free.length
    if (rest !== undefined && rest <= 0) return { ids: free, takenOver: 0 }
    const expired = await this.claimWhere(now, rest, (eb) =>
      eb.and([
        eb('lease_owner', 'is not', null),
        eb('lease_owner', '!=', this.owner),
        eb('lease_until', '<', at),
      ]),
    )
    return { ids: [...free, ...expired], takenOver: expired.length }
  }

  /**
   * Before each poll or archive: renews this replica's lease on the job (or takes it when free,
   * e.g. a restored job). False when another replica holds it: this one must leave the job alone.
   */
  async hold(jobId: string, now: Date): Promise<boolean> {
    const { numUpdatedRows } = await this.db
      .updateTable('jobs')
      .set({ lease_owner: this.owner, lease_until: leaseEnd(now, this.terms) })
      .where('id', '=', jobId)
      .where((eb) => eb.or([eb('lease_owner', '=', this.owner), eb('lease_owner', 'is', null)]))
      .executeTakeFirst()
    return numUpdatedRows > 0n
  }

  /**
   * Ends at once the leases of holders known to be gone (a crashed studio on this machine, see
   * ownerIsGone), so a restart takes their jobs over without waiting a lease period.
   */
  async expireGone(isGone: (owner: string) => boolean): Promise<void> {
    const owners = await this.db
      .selectFrom('jobs')
      .select('lease_owner')
      .distinct()
      .where('lease_owner', 'is not', null)
      .where('status', 'in', ACTIVE_STATUSES)
      .execute()
    for (const { lease_owner: owner } of owners) {
      if (owner === null || owner === this.owner || !isGone(owner)) continue
      await this.db
        .updateTable('jobs')
        .set({ lease_until: EXPIRED })
        .where('lease_owner', '=', owner)
        .execute()
      await this.db
        .updateTable('reels')
        .set({ export_until: EXPIRED })
        .where('export_owner', '=', owner)
        .execute()
    }
  }

  /** Extends every lease this replica holds on an unfinished job: one statement per tick. */
  async renewAll(now: Date): Promise<number> {
    const { numUpdatedRows } = await this.db
      .updateTable('jobs')
      .set({ lease_until: leaseEnd(now, this.terms) })
      .where('lease_owner', '=', this.owner)
      .where('status', 'in', ACTIVE_STATUSES)
      .executeTakeFirst()
    return Number(numUpdatedRows)
  }

  /** Lets go of one job (it ended, or this replica stops): any replica may claim it at once. */
  async release(jobId: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ lease_owner: null, lease_until: null })
      .where('id', '=', jobId)
      .where('lease_owner', '=', this.owner)
      .execute()
  }

  /** Lets go of every job this replica holds (a graceful stop). */
  async releaseAll(): Promise<number> {
    const { numUpdatedRows } = await this.db
      .updateTable('jobs')
      .set({ lease_owner: null, lease_until: null })
      .where('lease_owner', '=', this.owner)
      .executeTakeFirst()
    return Number(numUpdatedRows)
  }

  private async claimWhere(
    now: Date,
    limit: number | undefined,
    test: (eb: ExpressionBuilder<StudioTables, 'jobs'>) => Expression<SqlBool>,
  ): Promise<string[]> {
    let candidates = this.db
      .selectFrom('jobs')
      .select('id')
      .where('status', 'in', ACTIVE_STATUSES)
      .where('deleted_at', 'is', null)
      .where(test)
      .orderBy('seq')
    if (limit !== undefined) candidates = candidates.limit(limit)
    if (this.dialect === 'postgres') candidates = candidates.forUpdate().skipLocked()
    const rows = await this.db
      .updateTable('jobs')
      .set({ lease_owner: this.owner, lease_until: leaseEnd(now, this.terms) })
      .where('id', 'in', candidates)
      .where((eb) =>
        eb.or([eb('lease_owner', 'is', null), eb('lease_until', '<', now.toISOString())]),
      )
      .where('lease_owner', 'is distinct from', this.owner)
      .returning('id')
      .execute()
    return rows.map((row) => row.id)
  }
}
