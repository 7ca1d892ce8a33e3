import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import {
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  type DialectAdapter,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely'
import { migrateToLatest } from './migrations/index'
import { ON_KYSELY_MIGRATIONS, upgradeLegacySqlite } from './migrations/legacy-sqlite'
import type { StoreDialect, StudioTables } from './tables'

/** The studio's database: Kysely for every query and migration, on SQLite or PostgreSQL. */
export interface Store {
  db: Kysely<StudioTables>
  dialect: StoreDialect
  /**
   * Where the database tells exactly, and cheaply, when its data last changed (SQLite): a value
   * that moves with every write. Reads may be kept until it moves (./read-memo).
   */
  changeStamp?: () => string
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
  return { db, dialect: 'sqlite', changeStamp: sqliteChangeStamp(sqlite), close: () => db.destroy() }
}

/**
 * total_changes() counts every row this connection wrote (Kysely holds one connection, so every
 * write of this process, a transaction's as soon as it makes them); data_version moves with every
 * commit by another connection, another process on the same file included. Read directly, not
 * through Kysely's queue: a stamp read during a transaction has counted its writes already, so
 * a read it guards misses and waits for the transaction like any other query.
 */
function sqliteChangeStamp(sqlite: Database.Database): () => string {
  const stamp = sqlite.prepare<[], string>("SELECT total_changes() || ':' || data_version FROM pragma_data_version").pluck()
  return () => stamp.get() ?? ''
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
  const statements = new Map<string, SqliteStatement>()
  return {
    prepare(sql) {
      let statement = statements.get(sql)
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear()
        statement = withRowBuilder(sqlite.prepare(sql))
        statements.set(sql, statement)
      }
      return statement
    },
    close: () => sqlite.close(),
  }
}

/**
 * better-sqlite3 builds each row object in C++ one property at a time, which for the jobs
 * table's three dozen columns costs more than SQLite's own work (a 50-row page: ~1.8 ms of a
 * 2 ms query). Reading rows as arrays and turning each into an object literal with a function
 * compiled once per statement from its column names halves that (docs/benchmarks.md, reads).
 * A duplicate column name keeps its last value, as better-sqlite3's own objects do.
 */
function withRowBuilder(statement: Database.Statement): SqliteStatement {
  if (!statement.reader) return statement
  const names = statement.columns().map((column) => column.name)
  const literal = names.map((name, index) => `${JSON.stringify(name)}: row[${index}]`).join(', ')
  // Column names come from SQLite and are JSON-escaped; no request data reaches this text.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const toObject = new Function('row', `return { ${literal} }`) as (row: unknown[]) => unknown
  statement.raw(true)
  return {
    reader: true,
    all: (parameters) => (statement.all(parameters) as unknown[][]).map(toObject),
    run: (parameters) => statement.run(parameters),
    *iterate(parameters) {
      for (const row of statement.iterate(parameters) as Iterable<unknown[]>) yield toObject(row)
    },
  }
}
