import type { StudioMigration } from './index'

/**
 * Who made each take (issue 13): the name a person signed in with, kept on the session and copied
 * onto every job it starts. Null on a studio without a token (one user) and for scripts.
 */
export const authors: StudioMigration = {
  async up(db) {
    await db.schema.alterTable('jobs').addColumn('author', 'text').execute()
    await db.schema.createIndex('jobs_author').on('jobs').column('author').execute()
    await db.schema.alterTable('sessions').addColumn('name', 'text').execute()
  },
}
