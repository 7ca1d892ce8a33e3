import type { Kysely } from 'kysely'
import type { StudioTables } from '../store/tables'
import { leaseEnd, type LeaseTerms } from './replica'

/**
 * Leases on running reel exports: the replica running ffmpeg renews its lease; an export whose
 * lease ran out (its replica died) is the only kind another replica marks interrupted.
 */
export class ReelExportLeases {
  constructor(
    private readonly db: Kysely<StudioTables>,
    private readonly terms: LeaseTerms,
  ) {}

  /**
   * Takes the lease on a reel's export when no live replica holds it (none, or one run out);
   * true when this replica won it. Starting an export takes it (so two replicas asked at once
   * start one export), and so does recording an orphan's interruption (exactly one replica does).
   */
  async take(reelId: string, now: Date): Promise<boolean> {
    const { numUpdatedRows } = await this.db
      .updateTable('reels')
      .set({ export_owner: this.terms.owner, export_until: leaseEnd(now, this.terms) })
      .where('id', '=', reelId)
      .where((eb) => eb.or([eb('export_owner', 'is', null), eb('export_until', '<', now.toISOString())]))
      .executeTakeFirst()
    return numUpdatedRows > 0n
  }

  /** Reels whose export lease ran out without a release: their replica died mid-export. */
  async expired(now: Date): Promise<string[]> {
    const rows = await this.db
      .selectFrom('reels')
      .select('id')
      .where('export_owner', 'is not', null)
      .where('export_until', '<', now.toISOString())
      .execute()
    return rows.map((row) => row.id)
  }

  async renewAll(now: Date): Promise<void> {
    await this.db
      .updateTable('reels')
      .set({ export_until: leaseEnd(now, this.terms) })
      .where('export_owner', '=', this.terms.owner)
      .execute()
  }

  async release(reelId: string): Promise<void> {
    await this.db
      .updateTable('reels')
      .set({ export_owner: null, export_until: null })
      .where('id', '=', reelId)
      .where('export_owner', '=', this.terms.owner)
      .execute()
  }
}
