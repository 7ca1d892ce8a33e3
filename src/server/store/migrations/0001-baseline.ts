import type { CreateTableBuilder, Kysely } from 'kysely'
import type { StoreDialect } from '../tables'
import type { StudioMigration } from './index'

/**
 * The schema as the last SQLite-only studio left it (legacy version 5). Every statement is
 * IF NOT EXISTS: on a database an older studio made (brought to 5 by ./legacy-sqlite) the tables
 * are already there, so this only gets recorded as applied.
 */
export const baseline: StudioMigration = {
  async up(db, dialect) {
    await db.schema
      .createTable('jobs')
      .ifNotExists()
      .$call(withSeqKey(dialect))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('upstream_id', 'text')
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('prompt', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('size', 'text', (c) => c.notNull())
      .addColumn('seconds', 'integer', (c) => c.notNull())
      .addColumn('fit', 'text', (c) => c.notNull().defaultTo('cover'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('error_code', 'text')
      .addColumn('error_message', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      .addColumn('remix_of', 'text')
      .addColumn('group_id', 'text')
      .addColumn('reference_hash', 'text')
      .addColumn('reference_width', 'integer')
      .addColumn('reference_height', 'integer')
      .addColumn('has_thumbnail', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('has_spritesheet', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('cost_usd', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('provider_model', 'text')
      .addColumn('last_reference_hash', 'text')
      .addColumn('last_reference_width', 'integer')
      .addColumn('last_reference_height', 'integer')
      .addColumn('cost_known', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('take_letter', 'text', (c) => c.notNull().defaultTo('A'))
      .addColumn('deleted_at', 'text')
      .addColumn('error_kind', 'text')
      .execute()
    await index(db, 'jobs_status', 'status')
    await index(db, 'jobs_group', 'group_id')
    await index(db, 'jobs_remix_of', 'remix_of')
    await index(db, 'jobs_deleted_at', 'deleted_at')

    await db.schema
      .createTable('sessions')
      .ifNotExists()
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      // Epoch milliseconds: past 32 bits.
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('auth_settings')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('sign_ins')
      .ifNotExists()
      .$call(withSeqKey(dialect))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('user_agent', 'text', (c) => c.notNull())
      .execute()
  },
}

/** A key that counts up and never reuses a number: SQLite's AUTOINCREMENT, PostgreSQL's serial. */
function withSeqKey(dialect: StoreDialect) {
  return <T extends string>(table: CreateTableBuilder<T>) =>
    dialect === 'sqlite'
      ? table.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      : table.addColumn('seq', 'serial', (c) => c.primaryKey())
}

async function index(db: Kysely<unknown>, name: string, column: string): Promise<void> {
  await db.schema.createIndex(name).ifNotExists().on('jobs').column(column).execute()
}
