import type { StudioMigration } from './index'

/**
 * Who reviewed (issue 12): the name of whoever set a take's verdict (a reviewer's name through a
 * review link, the signed-in name in the studio), and on each note the hash of the review-link
 * session that wrote it, so a reviewer may change their own notes and no one else's. Both null
 * for what was written before, and for notes written in the studio.
 */
export const reviewAuthorship: StudioMigration = {
  async up(db) {
    await db.schema.alterTable('jobs').addColumn('verdict_by', 'text').execute()
    await db.schema.alterTable('notes').addColumn('review_session', 'text').execute()
  },
}
