import type { StudioTables } from '../store/tables'

export type TableName = keyof StudioTables

export interface TablePlan {
  /** The primary key: rows are read in its order and copied once per key. */
  primaryKey: readonly string[]
  /** A counting key (SQLite AUTOINCREMENT, PostgreSQL serial) the target must continue after the copy. */
  serial?: string
  /** Why the table is not copied: it describes running processes, not the studio's data. */
  notCopied?: string
}

/**
 * Every table of the studio, in the order they are copied: a table comes after the tables its
 * foreign keys point at (reel_shots after reels, notes after jobs, review_sessions after
 * review_links). `satisfies Record<TableName, …>` makes a table added to StudioTables without an
 * entry here a compile error, so migrate-to-team cannot silently leave it behind.
 */
export const TABLES = {
  jobs: { primaryKey: ['seq'], serial: 'seq' },
  reels: { primaryKey: ['id'] },
  reel_shots: { primaryKey: ['reel_id', 'position'] },
  notes: { primaryKey: ['id'] },
  review_links: { primaryKey: ['id'] },
  review_sessions: { primaryKey: ['id_hash'] },
  sessions: { primaryKey: ['id_hash'] },
  auth_settings: { primaryKey: ['name'] },
  sign_ins: { primaryKey: ['seq'], serial: 'seq' },
  replicas: {
    primaryKey: ['id'],
    notCopied: 'heartbeats of running studio processes; the team’s replicas write their own',
  },
} as const satisfies Record<TableName, TablePlan>

/** The tables copied, in order. */
export const TABLE_ORDER = (Object.keys(TABLES) as TableName[]).filter(
  (table) => !(TABLES[table] as TablePlan).notCopied,
)

export const planOf = (table: TableName): TablePlan => TABLES[table]

/** Tables a database may hold that are not the studio's data: Kysely's migration bookkeeping. */
export const isBookkeeping = (table: string): boolean =>
  table.startsWith('kysely_') || table.startsWith('sqlite_')
