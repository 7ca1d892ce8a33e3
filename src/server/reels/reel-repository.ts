import type { Kysely } from 'kysely'
import type { StudioTables } from '../store/tables'
import { exportRecordSchema, type ExportRecord, type ReelRecord } from './reel-record'

const parseExport = (json: string | null): ExportRecord | null =>
  json === null ? null : exportRecordSchema.parse(JSON.parse(json))

/** Reels and their shots, on SQLite or PostgreSQL through Kysely. */
export class ReelRepository {
  constructor(private readonly db: Kysely<StudioTables>) {}

  /** Every reel, newest first. */
  async list(): Promise<ReelRecord[]> {
    const rows = await this.db.selectFrom('reels').selectAll().orderBy('created_at', 'desc').orderBy('id').execute()
    const shots = await this.db.selectFrom('reel_shots').selectAll().orderBy('position').execute()
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      jobIds: shots.filter((shot) => shot.reel_id === row.id).map((shot) => shot.job_id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      export: parseExport(row.export_state),
    }))
  }

  async get(id: string): Promise<ReelRecord | null> {
    const row = await this.db.selectFrom('reels').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) return null
    return {
      id: row.id,
      name: row.name,
      jobIds: await this.takes(id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      export: parseExport(row.export_state),
    }
  }

  /** The reel's takes in play order (empty for an unknown reel). */
  async takes(id: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('reel_shots')
      .select('job_id')
      .where('reel_id', '=', id)
      .orderBy('position')
      .execute()
    return rows.map((row) => row.job_id)
  }

  async insert(reel: ReelRecord): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('reels')
        .values({
          id: reel.id,
          name: reel.name,
          created_at: reel.createdAt,
          updated_at: reel.updatedAt,
          export_state: reel.export ? JSON.stringify(reel.export) : null,
        })
        .execute()
      await new ReelRepository(trx).writeShots(reel.id, reel.jobIds)
    })
  }

  async rename(id: string, name: string, at: string): Promise<void> {
    await this.db.updateTable('reels').set({ name, updated_at: at }).where('id', '=', id).execute()
  }

  /** Replaces the reel's takes with these, in this order. */
  async setTakes(id: string, jobIds: readonly string[], at: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('reel_shots').where('reel_id', '=', id).execute()
      await new ReelRepository(trx).writeShots(id, jobIds)
      await trx.updateTable('reels').set({ updated_at: at }).where('id', '=', id).execute()
    })
  }

  async setExport(id: string, state: ExportRecord | null): Promise<void> {
    await this.db
      .updateTable('reels')
      .set({ export_state: state ? JSON.stringify(exportRecordSchema.parse(state)) : null })
      .where('id', '=', id)
      .execute()
  }

  /** Reels whose export was running, e.g. when the studio stopped. */
  async exporting(): Promise<ReelRecord[]> {
    const reels = await this.list()
    return reels.filter((reel) => reel.export?.status === 'rendering')
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('reel_shots').where('reel_id', '=', id).execute()
      await trx.deleteFrom('reels').where('id', '=', id).execute()
    })
  }

  private async writeShots(id: string, jobIds: readonly string[]): Promise<void> {
    if (jobIds.length === 0) return
    await this.db
      .insertInto('reel_shots')
      .values(jobIds.map((jobId, position) => ({ reel_id: id, position, job_id: jobId })))
      .execute()
  }
}
