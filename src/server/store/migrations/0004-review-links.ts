import type { StudioMigration } from './index'

/**
 * Review links (issue 12): each link by the hash of its token, and the reviewer sessions opened
 * through it (by the hash of their cookie). Neither table ever holds a token, cookie or passphrase.
 */
export const reviewLinks: StudioMigration = {
  async up(db) {
    await db.schema
      .createTable('review_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('share_kind', 'text', (c) => c.notNull())
      .addColumn('reel_id', 'text')
      .addColumn('job_ids', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('permission', 'text', (c) => c.notNull())
      .addColumn('passphrase_hash', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('last_used_at', 'text')
      .execute()
    await db.schema
      .createTable('review_sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('link_id', 'text', (c) => c.notNull().references('review_links.id').onDelete('cascade'))
      .addColumn('reviewer_name', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('review_sessions_link').on('review_sessions').column('link_id').execute()
  },
}
