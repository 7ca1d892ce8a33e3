import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import {
  Kysely,
  PostgresDialect,
  sql,
  SqliteAdapter,
  SqliteDialect,
  type DialectAdapter,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely'
import pg from 'pg'
import { migrateToLatest } from './migrations/index'
import { sqliteChangeStamp } from './sqlite-change-stamp'
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
 * Where the database is: a SQLite file (`:memory:` for a throwaway one) or a PostgreSQL URL
 * (`postgres://user:password@host:5432/dailies`, DATABASE_URL).
 */
export type StoreLocation = { sqliteFile: string } | { postgresUrl: string }

/**
 * Opens the studio's database and brings its schema up to date; the returned Kysely speaks the
 * same queries on both back ends.
 *
 *     const store = await openStore({ sqliteFile: path.join(dataDir, 'dailies.db') })
 *     const store = await openStore({ postgresUrl: 'postgres://dailies@db/dailies' })
 *
 * Several studios may open one PostgreSQL database at once: the migrator holds a lock, so the
 * schema is migrated once. `close()` ends the connections.
 */
export async function openStore(location: StoreLocation): Promise<Store> {
  const store = 'postgresUrl' in location ? openPostgres(location.postgresUrl) : openSqlite(location.sqliteFile)
  try {
    if ('postgresUrl' in location) await reachPostgres(store.db, location.postgresUrl)
    await migrateToLatest(store.db, store.dialect)
  } catch (error) {
    await store.close()
    throw error
  }
  if (store.dialect === 'sqlite') await store.markMigrated()
  return store
}

interface OpenedStore extends Store {
  markMigrated(): Promise<void>
}

/**
 * The PostgreSQL types pg would hand over as text, read as numbers: bigint (count(*), the
 * sessions' epoch milliseconds) and numeric. Every value the studio keeps in them is far below
 * 2^53, so the same code reads both back ends.
 */
const NUMERIC_TYPES = new Set([pg.types.builtins.INT8, pg.types.builtins.NUMERIC])

const types: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) =>
    NUMERIC_TYPES.has(oid) && format !== 'binary'
      ? Number
      : (pg.types.getTypeParser(oid, format) as (value: string) => unknown),
}

/** A new connection waits this long for the server before the query fails (pg would wait forever). */
const CONNECT_TIMEOUT_MS = 10_000

function openPostgres(url: string): OpenedStore {
  const pool = new pg.Pool({ connectionString: url, types, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  // An idle connection the server dropped (a restart, a failover) must not end the process: the
  // next query fails or reconnects, and /api/health reports the database meanwhile.
  pool.on('error', () => {})
  const db = new Kysely<StudioTables>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', close: () => db.destroy(), markMigrated: () => Promise.resolve() }
}

/** Fails the start with the address (never the password) when the database does not answer. */
async function reachPostgres(db: Kysely<StudioTables>, url: string): Promise<void> {
  try {
    await sql`select 1`.execute(db)
  } catch (error) {
    const { username, hostname, port, pathname } = new URL(url)
    const where = `${username ? `${username}@` : ''}${hostname}${port ? `:${port}` : ''}${pathname}`
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`The PostgreSQL database ${where} (DATABASE_URL) does not answer: ${reason}`, { cause: error })
  }
}

/**
 * SQLite in WAL mode; a database an older studio left behind is first brought to the last
 * legacy version (see legacy-sqlite), then marked so that such a studio refuses it.
 */
function openSqlite(file: string): OpenedStore {
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
  // Read directly, not through Kysely's queue: a stamp read during a transaction has counted its
  // writes already, so a read it guards misses and waits for the transaction like any other query.
  const stamp = sqliteChangeStamp(sqlite, file === ':memory:' ? file : path.resolve(file))
  return {
    db,
    dialect: 'sqlite',
    changeStamp: () => stamp.read(),
    close: async () => {
      await db.destroy()
      stamp.close()
    },
    markMigrated: () => {
      sqlite.pragma(`user_version = ${ON_KYSELY_MIGRATIONS}`)
      return Promise.resolve()
    },
  }
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
