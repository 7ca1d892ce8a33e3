import type { StudioMigration } from './index'

/** Reels (issue 12): a named, ordered list of takes and its latest export. */
export const reels: StudioMigration = {
  async up(db) {
    await db.schema
      .createTable('reels')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('export_state', 'text')
      .execute()
    await db.schema
      .createTable('reel_shots')
      .addColumn('reel_id', 'text', (c) => c.notNull().references('reels.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reel_shots_pk', ['reel_id', 'position'])
      .execute()
    // Which reels hold a take (e.g. for a review link's scope).
    await db.schema.createIndex('reel_shots_job').on('reel_shots').column('job_id').execute()
  },
}
