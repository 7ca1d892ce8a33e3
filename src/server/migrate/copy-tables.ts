import { sql, type Kysely } from 'kysely'
import type { Store } from '../store/database'
import type { StudioTables } from '../store/tables'
import { compareDigests, digestTable, type TableComparison } from './table-digests'
import { TABLE_ORDER, TABLES, isBookkeeping, planOf, type TableName } from './table-plan'
import { keyOf, pagesOf, tableShapes, untyped, type TableShape } from './table-rows'

/** The target cannot take this source's rows as they are: nothing was written. */
export class MigrationRefused extends Error {}

export type DatabaseEnd = Pick<Store, 'db' | 'dialect'>

export interface TableCopy {
  table: TableName
  rows: number
  copied: number
  /** Rows an earlier, interrupted run had copied already. */
  alreadyThere: number
}

export interface BatchDone {
  table: TableName
  /** Source rows of this table dealt with so far, of `total`. */
  done: number
  total: number
}

export interface CopyOptions {
  /** Rows per transaction. */
  batchSize: number
  /** Called after each batch is committed. */
  onBatch?: (progress: BatchDone) => void
}

const sample = (keys: string[]) =>
  keys.slice(0, 3).join(', ') + (keys.length > 3 ? ` and ${keys.length - 3} more` : '')

/** Both databases' columns for every table copied; refuses a table the plan does not know, or differing columns. */
export async function checkedShapes(
  source: Kysely<StudioTables>,
  target: Kysely<StudioTables>,
): Promise<Map<TableName, TableShape>> {
  const [from, to] = await Promise.all([tableShapes(source), tableShapes(target)])
  const unknown = [...from.keys()].filter((name) => !isBookkeeping(name) && !(name in TABLES))
  if (unknown.length > 0) {
    throw new MigrationRefused(
      `The SQLite database holds tables this version cannot copy (${unknown.join(', ')}): update Dailies.`,
    )
  }
  const shapes = new Map<TableName, TableShape>()
  for (const table of TABLE_ORDER) {
    const [mine, theirs] = [from.get(table), to.get(table)]
    if (!mine || !theirs || mine.columns.join() !== theirs.columns.join()) {
      throw new MigrationRefused(
        `Table ${table} has different columns in the two databases (${mine?.columns.join(', ') ?? 'missing'} / ${theirs?.columns.join(', ') ?? 'missing'}).`,
      )
    }
    shapes.set(table, mine)
  }
  return shapes
}

/**
 * Refuses, before writing anything, a target holding rows this source does not have: other
 * content under one of its keys, or keys it never had (another studio's data). A target that is
 * empty, or an earlier interrupted copy of this source, passes.
 */
function refuseForeignRows(comparisons: TableComparison[]): void {
  const foreign = comparisons.flatMap(({ table, differing, extra }) => [
    ...(differing.length > 0 ? [`${table}: other content for ${sample(differing)}`] : []),
    ...(extra.length > 0 ? [`${table}: rows this studio does not have, ${sample(extra)}`] : []),
  ])
  if (foreign.length === 0) return
  throw new MigrationRefused(
    `The PostgreSQL database already holds data that is not this studio's:\n  ${foreign.join('\n  ')}\n` +
      'Nothing was copied. Point DATABASE_URL at an empty database, or at the one an interrupted run of this command filled ' +
      '(if the studio has changed since, empty that database and run again).',
  )
}

/**
 * Readies PostgreSQL for the studios: its serial keys carry on after the copied rows' highest
 * (SQLite's AUTOINCREMENT does so by itself), and its planner learns the tables' new sizes now
 * rather than at autovacuum's next round (before it, a freshly filled jobs table is planned as
 * nearly empty: the first page sorted all 10,000 rows, 20 ms instead of 0.1).
 */
async function readyTarget(target: DatabaseEnd): Promise<void> {
  if (target.dialect !== 'postgres') return
  for (const table of TABLE_ORDER) {
    const { serial } = planOf(table)
    if (!serial) continue
    const column = sql.ref(serial)
    await sql`select setval(pg_get_serial_sequence(${table}, ${serial}), max(${column})) from ${sql.table(table)} having max(${column}) is not null`.execute(
      target.db,
    )
  }
  await sql`analyze`.execute(target.db)
}

/**
 * Copies every table's rows from `source` into `target` (both migrated to the same schema), in
 * foreign-key order, `batchSize` rows per transaction. Resumable: rows already in the target (an
 * earlier run that was interrupted) are left alone and counted, so a run that is stopped at any
 * point and started again ends with the same target.
 */
export async function copyTables(
  source: DatabaseEnd,
  target: DatabaseEnd,
  options: CopyOptions,
): Promise<TableCopy[]> {
  const { shapes, comparisons } = await compareTables(source, target)
  refuseForeignRows(comparisons)

  const copies: TableCopy[] = []
  for (const comparison of comparisons) {
    const { table, sourceRows } = comparison
    const plan = planOf(table)
    const shape = shapes.get(table) as TableShape
    const missing = new Set(comparison.missing)
    let done = 0
    for await (const rows of pagesOf(source.db, table, plan, options.batchSize)) {
      const batch = rows.filter((row) => missing.has(keyOf(row, plan.primaryKey, shape)))
      if (batch.length > 0) {
        await target.db.transaction().execute(async (trx) => {
          await untyped(trx)
            .insertInto(table)
            .values(batch)
            .onConflict((conflict) => conflict.doNothing())
            .execute()
        })
      }
      done += rows.length
      options.onBatch?.({ table, done, total: sourceRows })
    }
    copies.push({
      table,
      rows: sourceRows,
      copied: missing.size,
      alreadyThere: sourceRows - missing.size,
    })
  }
  await readyTarget(target)
  return copies
}

/** Compares every table of the two databases: row counts and a checksum of every row's content. */
export async function compareTables(
  source: DatabaseEnd,
  target: DatabaseEnd,
): Promise<{ shapes: Map<TableName, TableShape>; comparisons: TableComparison[] }> {
  const shapes = await checkedShapes(source.db, target.db)
  const comparisons: TableComparison[] = []
  for (const table of TABLE_ORDER) {
    const shape = shapes.get(table) as TableShape
    const [from, to] = await Promise.all([
      digestTable(source.db, table, shape),
      digestTable(target.db, table, shape),
    ])
    comparisons.push(compareDigests(table, from, to))
  }
  return { shapes, comparisons }
}
