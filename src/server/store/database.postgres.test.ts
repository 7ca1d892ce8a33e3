import { sql } from 'kysely'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { createTestDatabase } from '../testing/postgres'
import { openStore, type Store } from './database'
import { countJobsByStatus } from './job-counts'
import { JobRepository } from './job-repository'
import { jobRecord } from '../testing/seed-job'
import { MIGRATION_NAMES } from './migrations/index'

// PostgreSQL only (the node-pg project): what SQLite's single file cannot show.
const opened: Store[] = []
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close()
})

async function open(url: string): Promise<Store> {
  const store = await openStore({ postgresUrl: url })
  opened.push(store)
  return store
}

describe('the PostgreSQL store', () => {
  it('is migrated once when several studios open a new database at the same moment', async () => {
    const database = await createTestDatabase(inject('postgresAdminUrl'))
    try {
      const stores = await Promise.all([1, 2, 3].map(() => open(database.url)))
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(stores[0]!.db)
      expect(applied.rows.map((row) => row.name)).toEqual(MIGRATION_NAMES)
      await new JobRepository(stores[1]!.db).insert(jobRecord({ id: 'job_aaaaaaaaaa01', group: 'g' }))
      await new JobRepository(stores[2]!.db).insert(jobRecord({ id: 'job_aaaaaaaaaa02', group: 'g' }))
      const reader = new JobRepository(stores[0]!.db)
      expect((await reader.list({ limit: 10 })).items.map((job) => job.id)).toEqual(['job_aaaaaaaaaa02', 'job_aaaaaaaaaa01'])
      // Counts are bigint in PostgreSQL: they arrive as numbers, as on SQLite.
      expect(await reader.takesInGroup('g')).toBe(2)
      expect(await countJobsByStatus(stores[0]!.db)).toEqual({ queued: 2 })
    } finally {
      await Promise.all(opened.splice(0).map((store) => store.close()))
      await database.drop()
    }
  })

  it('refuses to start on a database that does not answer, naming it without its password', async () => {
    const url = 'postgres://dailies:hunter2-secret@127.0.0.1:1/dailies'
    const failure = openStore({ postgresUrl: url })
    await expect(failure).rejects.toThrow('The PostgreSQL database dailies@127.0.0.1:1/dailies (DATABASE_URL) does not answer')
    await expect(failure).rejects.not.toThrow(/hunter2/)
  })
})
