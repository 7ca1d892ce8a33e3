import type { Kysely } from 'kysely'
import type { StudioTables } from './tables'

/** How many live (not deleted) jobs are in each status: the metrics' jobs-by-state gauge. */
export async function countJobsByStatus(db: Kysely<StudioTables>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll().as('count')])
    .where('deleted_at', 'is', null)
    .groupBy('status')
    .execute()
  // Kysely types a count as number, string or bigint (the store reads PostgreSQL's bigint as a number).
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]))
}
