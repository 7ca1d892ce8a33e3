import fs from 'node:fs'
import path from 'node:path'
import type { Kysely } from 'kysely'
import { openStore, type Store, type StoreLocation } from '../store/database'
import type { StoreDialect, StudioTables } from '../store/tables'
import { createTestDatabase } from './postgres'

/**
 * The back end this test worker's studios and stores use: SQLite, unless the node-pg vitest
 * project's setup (postgres-setup.ts) points them at its PostgreSQL cluster. The same test files
 * run in both projects; only this choice differs.
 */
let postgresAdminUrl: string | null = null

/** The databases made for data folders in this test file, dropped after it (dropTestDatabases). */
const databases = new Map<string, Promise<{ url: string; drop(): Promise<void> }>>()

export function useTestPostgres(adminUrl: string): void {
  postgresAdminUrl = adminUrl
}

export function testBackEnd(): StoreDialect {
  return postgresAdminUrl === null ? 'sqlite' : 'postgres'
}

/**
 * The DATABASE_URL of a studio on `dataDir`, or null for SQLite (the file in that folder). The
 * same folder gets the same database each time, so a studio restarted on it finds its jobs.
 */
export async function studioDatabaseUrl(dataDir: string): Promise<string | null> {
  if (postgresAdminUrl === null) return null
  let database = databases.get(dataDir)
  if (!database) {
    database = createTestDatabase(postgresAdminUrl)
    databases.set(dataDir, database)
  }
  return (await database).url
}

/** Where a studio on `dataDir` keeps its database: `dailies.db` in it, or its PostgreSQL database. */
export async function testStoreLocation(dataDir: string): Promise<StoreLocation> {
  const postgresUrl = await studioDatabaseUrl(dataDir)
  return postgresUrl ? { postgresUrl } : { sqliteFile: path.join(dataDir, 'dailies.db') }
}

/** Drops the database of `dataDir` (if it has one) now rather than after the file. */
export async function dropStudioDatabase(dataDir: string): Promise<void> {
  const database = databases.get(dataDir)
  databases.delete(dataDir)
  await (await database)?.drop()
}

export async function dropTestDatabases(): Promise<void> {
  for (const dataDir of [...databases.keys()]) await dropStudioDatabase(dataDir)
}

/** A store of its own for one test: SQLite in memory, or a fresh PostgreSQL database dropped on close. */
export async function openTestStore(): Promise<Store> {
  if (postgresAdminUrl === null) return openStore({ sqliteFile: ':memory:' })
  const database = await createTestDatabase(postgresAdminUrl)
  const store = await openStore({ postgresUrl: database.url })
  return {
    ...store,
    async close() {
      await store.close()
      await database.drop()
    },
  }
}

/**
 * Everything a studio's database holds, as text to search for a secret in: on SQLite the file
 * and its WAL byte for byte (freed pages too), on PostgreSQL every row of every table.
 */
export async function storedDatabaseText(studio: { db: Kysely<StudioTables>; dataDir: string }): Promise<string> {
  if (testBackEnd() === 'sqlite') {
    const file = path.join(studio.dataDir, 'dailies.db')
    const wal = `${file}-wal`
    return [file, ...(fs.existsSync(wal) ? [wal] : [])].map((name) => fs.readFileSync(name).toString('latin1')).join('\n')
  }
  const tables = await studio.db.introspection.getTables({ withInternalKyselyTables: true })
  if (tables.length === 0) throw new Error('The studio database has no tables')
  const dumps = await Promise.all(
    tables.map(async ({ name }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table, by its name
      const rows = await (studio.db as Kysely<any>).selectFrom(name).selectAll().execute()
      return `${name}: ${JSON.stringify(rows)}`
    }),
  )
  return dumps.join('\n')
}
