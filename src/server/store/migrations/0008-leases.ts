import type { StudioMigration } from './index'

/**
 * Replicas share the work (issue 13, ADR 007): each unfinished job and each running reel export
 * carries the lease of the one replica following it (owner, and until when, ISO text), and each
 * live replica a heartbeat row, from which the provider cap is split.
 */
export const leases: StudioMigration = {
  async up(db) {
    await db.schema.alterTable('jobs').addColumn('lease_owner', 'text').execute()
    await db.schema.alterTable('jobs').addColumn('lease_until', 'text').execute()
    await db.schema.createIndex('jobs_lease_owner').on('jobs').column('lease_owner').execute()
    await db.schema.alterTable('reels').addColumn('export_owner', 'text').execute()
    await db.schema.alterTable('reels').addColumn('export_until', 'text').execute()
    await db.schema
      .createTable('replicas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seen_at', 'text', (c) => c.notNull())
      .execute()
  },
}
