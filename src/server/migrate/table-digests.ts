import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { StudioTables } from '../store/tables'
import { planOf, type TableName } from './table-plan'
import { keyOf, pagesOf, rowDigest, type TableShape } from './table-rows'

const PAGE_ROWS = 1000

/** A table's rows as primary key → digest of the row's content. */
export type TableDigests = Map<string, string>

export async function digestTable(
  db: Kysely<StudioTables>,
  table: TableName,
  shape: TableShape,
): Promise<TableDigests> {
  const plan = planOf(table)
  const digests: TableDigests = new Map()
  for await (const rows of pagesOf(db, table, plan, PAGE_ROWS)) {
    for (const row of rows) digests.set(keyOf(row, plan.primaryKey, shape), rowDigest(row, shape))
  }
  return digests
}

/**
 * One checksum over a whole table: every row's key and content digest, sorted here rather than
 * by the database (PostgreSQL sorts text by its collation, SQLite by bytes).
 */
export function tableChecksum(digests: TableDigests): string {
  const hash = createHash('sha256')
  for (const key of [...digests.keys()].sort()) hash.update(`${key}\t${digests.get(key) ?? ''}\n`)
  return hash.digest('hex')
}

export interface TableComparison {
  table: TableName
  sourceRows: number
  targetRows: number
  sourceChecksum: string
  targetChecksum: string
  /** Keys in the source the target does not hold yet. */
  missing: string[]
  /** Keys both hold with different content. */
  differing: string[]
  /** Keys only the target holds. */
  extra: string[]
}

export function compareDigests(
  table: TableName,
  source: TableDigests,
  target: TableDigests,
): TableComparison {
  const missing: string[] = []
  const differing: string[] = []
  for (const [key, digest] of source) {
    const there = target.get(key)
    if (there === undefined) missing.push(key)
    else if (there !== digest) differing.push(key)
  }
  return {
    table,
    sourceRows: source.size,
    targetRows: target.size,
    sourceChecksum: tableChecksum(source),
    targetChecksum: tableChecksum(target),
    missing,
    differing,
    extra: [...target.keys()].filter((key) => !source.has(key)),
  }
}

export const matches = (c: TableComparison): boolean =>
  c.sourceRows === c.targetRows && c.sourceChecksum === c.targetChecksum
