import { createHash } from 'node:crypto'
import type { ExpressionBuilder, Kysely } from 'kysely'
import type { StudioTables } from '../store/tables'
import type { TableName, TablePlan } from './table-plan'

export type Row = Record<string, unknown>
/** The studio's tables seen without their types: the copy handles every table the same way. */
export type AnyTables = Record<string, Row>

export const untyped = (db: Kysely<StudioTables>): Kysely<AnyTables> =>
  db as unknown as Kysely<AnyTables>

type ColumnKind = 'number' | 'text'

/** A table's columns, sorted by name, with how their values compare on both back ends. */
export interface TableShape {
  columns: string[]
  kinds: ReadonlyMap<string, ColumnKind>
}

/** Every table's columns as the database itself reports them (declared types on SQLite, pg types on PostgreSQL). */
export async function tableShapes(db: Kysely<StudioTables>): Promise<Map<string, TableShape>> {
  const tables = await db.introspection.getTables()
  return new Map(
    tables.map((table) => {
      const kinds = new Map<string, ColumnKind>(
        table.columns.map((c) => [
          c.name,
          /int|serial|float|double|real|numeric|decimal/i.test(c.dataType) ? 'number' : 'text',
        ]),
      )
      return [table.name, { columns: [...kinds.keys()].sort(), kinds }]
    }),
  )
}

/**
 * A value as both back ends agree on it: PostgreSQL may hand a bigint over as text where SQLite
 * gives a number, so numbers are compared as numbers and everything else as text.
 */
function canonical(value: unknown, kind: ColumnKind | undefined): unknown {
  if (value === null || value === undefined) return null
  if (kind === 'number') return Number(value)
  if (Buffer.isBuffer(value)) return value.toString('base64')
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The row's content as one digest: the same on SQLite and PostgreSQL for the same data. */
export function rowDigest(row: Row, shape: TableShape): string {
  const values = shape.columns.map((column) => canonical(row[column], shape.kinds.get(column)))
  return createHash('sha256').update(JSON.stringify(values)).digest('hex')
}

/** The values of `columns` in a row, as one comparable string (a Map key). */
export function keyOf(row: Row, columns: readonly string[], shape: TableShape): string {
  return JSON.stringify(columns.map((column) => canonical(row[column], shape.kinds.get(column))))
}

/** Rows whose key sorts after `after`'s: (a > x) or (a = x and b > y) … for a key of any width. */
function after(eb: ExpressionBuilder<AnyTables, string>, key: readonly string[], row: Row) {
  return eb.or(
    key.map((column, i) =>
      eb.and([
        ...key.slice(0, i).map((earlier) => eb(earlier, '=', row[earlier])),
        eb(column, '>', row[column]),
      ]),
    ),
  )
}

/**
 * A table's rows in pages of `size`, in primary-key order (keyset paging: each page starts after
 * the last key of the one before, so a long table costs no OFFSET scans).
 */
export async function* pagesOf(
  db: Kysely<StudioTables>,
  table: TableName,
  plan: TablePlan,
  size: number,
): AsyncGenerator<Row[]> {
  let last: Row | null = null
  for (;;) {
    let query = untyped(db).selectFrom(table).selectAll()
    for (const column of plan.primaryKey) query = query.orderBy(column)
    const from = last
    if (from) query = query.where((eb) => after(eb, plan.primaryKey, from))
    const rows: Row[] = await query.limit(size).execute()
    if (rows.length === 0) return
    yield rows
    if (rows.length < size) return
    last = rows[rows.length - 1] ?? null
  }
}
