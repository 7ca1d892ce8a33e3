import type { Kysely } from 'kysely'
import type { StudioTables } from './tables'

export interface SpendTotals {
  totalUsd: number
  takes: number
  unknownCostTakes: number
}

/**
 * What the live (not deleted) takes created at or after `since` (ISO, UTC) cost. A refused,
 * cancelled or failed take is stored at $0, an unpriced one at $0 with cost_known 0: both count
 * as takes. A deleted take is left out like in every other read, as its row goes at the purge.
 */
export async function spendSince(db: Kysely<StudioTables>, since: string): Promise<SpendTotals> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => [
      eb.fn.sum<number>('cost_usd').as('total'),
      eb.fn.countAll().as('takes'),
      eb.fn.sum<number>(eb.case().when('cost_known', '=', 0).then(1).else(0).end()).as('unknown'),
    ])
    .where('created_at', '>=', since)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  // A sum over no rows is NULL; PostgreSQL answers a count or an integer sum as a bigint (read as text or number).
  return {
    totalUsd: Number(row?.total ?? 0),
    takes: Number(row?.takes ?? 0),
    unknownCostTakes: Number(row?.unknown ?? 0),
  }
}
