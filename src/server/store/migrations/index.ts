import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import type { StoreDialect } from '../tables'
import { baseline } from './0001-baseline'
import { reels } from './0002-reels'
import { review } from './0003-review'
import { reviewLinks } from './0004-review-links'
import { authors } from './0005-authors'
import { promptSearch } from './0006-prompt-search'
import { reviewAuthorship } from './0007-review-authorship'
import { leases } from './0008-leases'
import { stills } from './0009-stills'

/**
 * One schema change. `db` is untyped on purpose: a migration describes the schema of its day,
 * not today's StudioTables. Most changes read the same on both back ends through the schema
 * builder; `dialect` is there for the few that cannot (see 0001-baseline's seq key).
 */
export interface StudioMigration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  up(db: Kysely<any>, dialect: StoreDialect): Promise<void>
}

/**
 * Every migration, oldest first. Append a new file's migration at the end with the next number;
 * never edit one that has shipped. Listed here rather than read from the folder so the bundled
 * server carries them.
 */
const MIGRATIONS: readonly (readonly [name: string, migration: StudioMigration])[] = [
  ['0001-baseline', baseline],
  ['0002-reels', reels],
  ['0003-review', review],
  ['0004-review-links', reviewLinks],
  ['0005-authors', authors],
  ['0006-prompt-search', promptSearch],
  ['0007-review-authorship', reviewAuthorship],
  ['0008-leases', leases],
  ['0009-stills', stills],
]

class StudioMigrations implements MigrationProvider {
  constructor(private readonly dialect: StoreDialect) {}

  getMigrations(): Promise<Record<string, Migration>> {
    const entries = MIGRATIONS.map(([name, migration]) => [
      name,
      { up: (db: Kysely<unknown>) => migration.up(db, this.dialect) },
    ])
    return Promise.resolve(Object.fromEntries(entries) as Record<string, Migration>)
  }
}

/** The names in order: Kysely applies them by name, so the list must sort the same way. */
export const MIGRATION_NAMES = MIGRATIONS.map(([name]) => name)

/**
 * Brings the schema up to date (several replicas starting at once take turns: Kysely holds a
 * lock meanwhile), and refuses a database that a newer studio has migrated further.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database's schema
export async function migrateToLatest(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new StudioMigrations(dialect) })
  const { error } = await migrator.migrateToLatest()
  if (error === undefined) return
  if (!(error instanceof Error)) throw new Error('The database migrations failed.', { cause: error })
  if (/previously executed migration .* is missing/.test(error.message)) {
    throw new Error(`The database has migrations newer than this studio knows (${error.message}). Update Dailies.`)
  }
  throw error
}
