import type { Kysely } from 'kysely'
import type { StudioTables } from './tables'

/** Everyone who started a take still in the studio, by name, in alphabetical order. */
export async function listAuthors(db: Kysely<StudioTables>): Promise<string[]> {
  const rows = await db
    .selectFrom('jobs')
    .select('author')
    .distinct()
    .where('author', 'is not', null)
    .where('deleted_at', 'is', null)
    .orderBy('author')
    .execute()
  return rows.flatMap((row) => (row.author === null ? [] : [row.author]))
}
