import { foldForSearch } from '../../../contract/search'
import type { StudioMigration } from './index'

/**
 * The prompt as search compares it (contract/search.ts), kept beside the prompt so both back
 * ends search with a plain LIKE: SQLite's custom function has no PostgreSQL twin.
 */
export const promptSearch: StudioMigration = {
  async up(db) {
    await db.schema
      .alterTable('jobs')
      .addColumn('prompt_search', 'text', (c) => c.notNull().defaultTo(''))
      .execute()
    const rows: { id: string; prompt: string }[] = await db.selectFrom('jobs').select(['id', 'prompt']).execute()
    for (const { id, prompt } of rows) {
      await db.updateTable('jobs').set({ prompt_search: foldForSearch(prompt) }).where('id', '=', id).execute()
    }
  },
}
