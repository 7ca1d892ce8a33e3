import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../database'
import { JobRepository } from '../job-repository'
import { baseline } from './0001-baseline'
import { MIGRATION_NAMES } from './index'
import { LEGACY_SQLITE_MIGRATIONS, ON_KYSELY_MIGRATIONS } from './legacy-sqlite'

let dir: string
let file: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-migrations-'))
  file = path.join(dir, 'dailies.db')
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A database exactly as a studio from before the Kysely migrations left it at `version`. */
function legacyDatabase(version: number): Database.Database {
  const db = new Database(file)
  for (const sql of LEGACY_SQLITE_MIGRATIONS.slice(0, version)) db.exec(sql)
  db.pragma(`user_version = ${version}`)
  return db
}

/** Columns (name, not null, key) and indexes of every studio table, to compare two schemas. */
function schemaOf(db: Database.Database) {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name",
    )
    .all()
    .map(({ name }) => name)
  return tables.map((table) => ({
    table,
    columns: db
      .prepare<[], { name: string; notnull: number; pk: number }>(`SELECT name, "notnull", pk FROM pragma_table_info('${table}') ORDER BY name`)
      .all(),
    indexes: db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_index_list('${table}') WHERE origin = 'c' ORDER BY name`)
      .all(),
  }))
}

/** The schema of a fresh database with the baseline migration only (later ones change it further). */
async function baselineSchema() {
  const sqlite = new Database(path.join(dir, 'baseline.db'))
  await baseline.up(new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) }), 'sqlite')
  const schema = schemaOf(sqlite)
  sqlite.close()
  return schema
}

/** A look at a database file through a connection of its own, as another process would see it. */
function inspect<T>(at: string, look: (db: Database.Database) => T): T {
  const db = new Database(at, { readonly: true })
  try {
    return look(db)
  } finally {
    db.close()
  }
}

function appliedMigrations(db: Database.Database): string[] {
  return db.prepare<[], { name: string }>('SELECT name FROM kysely_migration ORDER BY name').all().map((r) => r.name)
}

describe('the SQLite store migrations', () => {
  it('creates a new database in WAL mode with every migration recorded, and reopens it unchanged', async () => {
    await (await openStore({ sqliteFile: file })).close()
    expect(inspect(file, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal')
    expect(inspect(file, appliedMigrations)).toEqual(MIGRATION_NAMES)
    const schema = inspect(file, schemaOf)
    expect(schema.map((t) => t.table)).toEqual([
      'auth_settings',
      'jobs',
      'notes',
      'reel_shots',
      'reels',
      'replicas',
      'review_links',
      'review_sessions',
      'sessions',
      'sign_ins',
    ])

    await (await openStore({ sqliteFile: file })).close()
    expect(inspect(file, schemaOf)).toEqual(schema)
    expect(inspect(file, appliedMigrations)).toEqual(MIGRATION_NAMES)
  })

  it('keeps every take, session and sign-in of a database an older studio left at version 5', async () => {
    const legacy = legacyDatabase(5)
    // The schema the legacy SQL makes is the one the baseline makes from nothing.
    expect(schemaOf(legacy)).toEqual(await baselineSchema())
    legacy
      .prepare(`INSERT INTO jobs (id, upstream_id, provider, prompt, model, size, seconds, fit, status, progress,
        created_at, updated_at, completed_at, group_id, take_letter, reference_hash, reference_width,
        reference_height, has_thumbnail, has_spritesheet, cost_usd, cost_known)
        VALUES ('job_legacy000001', 'video_1', 'simulator', 'Take 3: a Lighthouse at dusk', 'sora-2', '1280x720', 4,
        'cover', 'completed', 100, 't0', 't1', 't1', 'g1', 'B', 'h', 1280, 720, 1, 1, 0.4, 1)`)
      .run()
    legacy.exec(`INSERT INTO sessions VALUES ('hash', 1764000000000, 1764000000000)`)
    legacy.exec(`INSERT INTO sign_ins (at, address, outcome, user_agent) VALUES ('t', '10.0.0.1', 'signed_in', 'ua')`)
    legacy.close()

    const store = await openStore({ sqliteFile: file })
    const repo = new JobRepository(store.db)
    expect(await repo.get('job_legacy000001')).toMatchObject({
      upstreamId: 'video_1',
      prompt: 'Take 3: a Lighthouse at dusk',
      status: 'completed',
      group: 'g1',
      take: 'B',
      reference: { hash: 'h', width: 1280, height: 720 },
      hasThumbnail: true,
      costUsd: 0.4,
    })
    // Its prompt is searchable like a new one's.
    expect((await repo.list({ limit: 10, q: 'LIGHTHOUSE take 3' })).items.map((j) => j.id)).toEqual(['job_legacy000001'])
    expect(await store.db.selectFrom('sessions').selectAll().execute()).toEqual([
      { id_hash: 'hash', created_at: 1764000000000, last_seen_at: 1764000000000, name: null },
    ])
    expect(await store.db.selectFrom('sign_ins').select(['address', 'outcome']).execute()).toEqual([
      { address: '10.0.0.1', outcome: 'signed_in' },
    ])
    await store.close()
    expect(inspect(file, appliedMigrations)).toEqual(MIGRATION_NAMES)
    expect(inspect(file, (db) => db.pragma('user_version', { simple: true }))).toBe(ON_KYSELY_MIGRATIONS)
    // The same schema as a database the migrations made from nothing.
    const freshFile = path.join(dir, 'fresh.db')
    await (await openStore({ sqliteFile: freshFile })).close()
    expect(inspect(file, schemaOf)).toEqual(inspect(freshFile, schemaOf))
  })

  it('classifies the errors of jobs failed before the kind was stored (version 4), by their code', async () => {
    const codes = [
      'moderation_blocked',
      'rate_limit_exceeded',
      'insufficient_quota',
      'upstream_unavailable',
      'interrupted',
      'failed',
      'invalid_value',
    ]
    const legacy = legacyDatabase(4)
    const insert = legacy.prepare(`INSERT INTO jobs (id, provider, prompt, model, size, seconds, status, error_code,
      error_message, created_at, updated_at) VALUES (?, 'simulator', 'p', 'sora-2', '1280x720', 4, ?, ?, ?, 't', 't')`)
    codes.forEach((code, i) => insert.run(`job_aaaaaaaaaa${i}0`, 'failed', code, code))
    insert.run('job_aaaaaaaaaa99', 'completed', null, null)
    legacy.close()

    const store = await openStore({ sqliteFile: file })
    const repo = new JobRepository(store.db)
    const kinds = await Promise.all(codes.map(async (_, i) => (await repo.get(`job_aaaaaaaaaa${i}0`))?.error?.kind))
    expect(kinds).toEqual([
      'moderation',
      'rate_limited',
      'quota',
      'provider_down',
      'studio',
      'render_failed',
      'invalid_request',
    ])
    expect((await repo.get('job_aaaaaaaaaa99'))?.error).toBeNull()
    await store.close()
  })

  it('refuses a database a newer studio has migrated further, and leaves it as it was', async () => {
    await (await openStore({ sqliteFile: file })).close()
    const writer = new Database(file)
    writer.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', 'now')").run()
    writer.close()
    await expect(openStore({ sqliteFile: file })).rejects.toThrow(/newer than this studio knows/)

    const legacy = new Database(file)
    expect(appliedMigrations(legacy)).toEqual([...MIGRATION_NAMES, '9999-from-the-future'])
    legacy.pragma('user_version = 99')
    legacy.close()
    await expect(openStore({ sqliteFile: file })).rejects.toThrow(/newer than this studio knows/)
  })
})
