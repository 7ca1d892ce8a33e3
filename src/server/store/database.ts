import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter, type SqliteDatabase } from 'kysely'
import { migrateToLatest } from './migrations/index'
import { ON_KYSELY_MIGRATIONS, upgradeLegacySqlite } from './migrations/legacy-sqlite'
import type { StoreDialect, StudioTables } from './tables'

/** The studio's database: Kysely for every query and migration, on SQLite or PostgreSQL. */
export interface Store {
  db: Kysely<StudioTables>
  dialect: StoreDialect
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
  const db = new Kysely<StudioTables>({ dialect: new TransactionalSqliteDialect({ database: withStatementCache(sqlite) }) })
  try {
    await migrateToLatest(db, 'sqlite')
  } catch (error) {
    await db.destroy()
    throw error
  }
  sqlite.pragma(`user_version = ${ON_KYSELY_MIGRATIONS}`)
  return { db, dialect: 'sqlite', close: () => db.destroy() }
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

/** Compiled statements kept per connection; past this many distinct SQL texts the cache starts over. */
const STATEMENT_CACHE_SIZE = 500

/**
 * Kysely prepares every query anew, which costs SQLite more than running it: the query builder
 * emits a few dozen distinct texts (list filters, patches), so each is compiled once and kept.
 */
function withStatementCache(sqlite: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>()
  return {
    prepare(sql) {
      let statement = statements.get(sql)
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear()
        statement = sqlite.prepare(sql)
        statements.set(sql, statement)
      }
      return statement
    },
    close: () => sqlite.close(),
  }
}
