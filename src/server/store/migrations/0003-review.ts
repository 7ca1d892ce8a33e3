import type { StudioMigration } from './index'

/**
 * Review of takes (issue 11): a verdict per take and a counter of its notes on the job (the list
 * reads both on every row), and the notes themselves, marks kept as JSON. A note goes with its
 * take when the take is purged.
 */
export const review: StudioMigration = {
  async up(db) {
    await db.schema.alterTable('jobs').addColumn('verdict', 'text').execute()
    await db.schema
      .alterTable('jobs')
      .addColumn('notes_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema.createIndex('jobs_verdict').on('jobs').column('verdict').execute()
    await db.schema
      .createTable('notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
      .addColumn('at_seconds', 'double precision', (c) => c.notNull())
      .addColumn('until_seconds', 'double precision')
      .addColumn('body', 'text', (c) => c.notNull())
      // The body folded for search (contract/search.ts), so one LIKE serves SQLite and PostgreSQL.
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('marks', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('notes_job_at')
      .on('notes')
      .columns(['job_id', 'at_seconds'])
      .execute()
  },
}
