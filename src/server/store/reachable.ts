import { sql, type Kysely } from 'kysely'
import type { StudioTables } from './tables'

/** Whether the database answers a trivial query within `timeoutMs` (for /api/health). */
export async function databaseReachable(
  db: Kysely<StudioTables>,
  timeoutMs = 3000,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs)
  })
  const answered = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  )
  try {
    return await Promise.race([answered, timedOut])
  } finally {
    clearTimeout(timer)
  }
}
