import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely'
import { migrateToLatest } from './migrations/index'
import { ON_KYSELY_MIGRATIONS, upgradeLegacySqlite } from './migrations/legacy-sqlite'
import type { StoreDialect, StudioTables } from './tables'

/** The better-sqlite3 handle under the SQLite store, for the repositories not yet on Kysely. */
export type Db = Database.Database

/** The studio's database: Kysely for every query and migration, on SQLite or PostgreSQL. */
export interface Store {
  db: Kysely<StudioTables>
  dialect: StoreDialect
  /** The same SQLite connection Kysely uses (repositories still moving to Kysely share it). */
  sqlite: Db
  close(): Promise<void>
}

/**
 * Opens (creating if needed) the studio's SQLite database in WAL mode and brings its schema up to
 * date: first a database an older studio left behind (see legacy-sqlite), then the migrations.
 */
export async function openStore(file: string): Promise<Store> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  try {
    upgradeLegacySqlite(sqlite)
  } catch (error) {
    sqlite.close()
    throw error
  }
  const db = new Kysely<StudioTables>({ dialect: new TransactionalSqliteDialect({ database: sqlite }) })
  try {
    await migrateToLatest(db, 'sqlite')
  } catch (error) {
    await db.destroy()
    throw error
  }
  sqlite.pragma(`user_version = ${ON_KYSELY_MIGRATIONS}`)
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() }
}

/**
 * SQLite does roll back schema changes with the transaction, though Kysely's adapter does not
 * claim it: claiming it makes the migrator run all pending migrations in one transaction, so a
 * crash halfway leaves the schema as it was.
 */
class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter()
  }
}

class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}
