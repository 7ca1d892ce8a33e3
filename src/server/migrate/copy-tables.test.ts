import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../store/database'
import { seedEveryTable } from '../testing/seed-every-table'
import { MigrationRefused, compareTables, copyTables, type BatchDone } from './copy-tables'
import { matches } from './table-digests'
import { TABLE_ORDER } from './table-plan'

// The copy logic between two SQLite databases; the PostgreSQL target (and the bucket) is
// migrate-to-team.postgres.test.ts's, through the command itself.
let source: Store
let target: Store

beforeEach(async () => {
  source = await openStore({ sqliteFile: ':memory:' })
  target = await openStore({ sqliteFile: ':memory:' })
})
afterEach(async () => {
  await source.close()
  await target.close()
})

const counts = async (store: Store) =>
  Object.fromEntries(
    await Promise.all(
      TABLE_ORDER.map(async (table) => {
        const { n } = await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
        return [table, Number(n)] as const
      }),
    ),
  )

describe('copyTables', () => {
  it('copies every table; stopped after a few batches and run again, it carries on and ends identical', async () => {
    await seedEveryTable(source.db, 30)
    // The single studio's heartbeat: a process that is gone, not data for the team's replicas.
    await source.db
      .insertInto('replicas')
      .values({ id: 'replica-laptop', seen_at: '2026-12-01T10:00:00.000Z' })
      .execute()
    const batches: BatchDone[] = []
    const stopped = copyTables(source, target, {
      batchSize: 4,
      onBatch(progress) {
        batches.push(progress)
        if (batches.length === 3) throw new Error('power cut')
      },
    })
    await expect(stopped).rejects.toThrow('power cut')
    expect((await counts(target)).jobs).toBe(12)

    const again = await copyTables(source, target, { batchSize: 4 })
    expect(again.find((c) => c.table === 'jobs')).toEqual({
      table: 'jobs',
      rows: 30,
      copied: 18,
      alreadyThere: 12,
    })
    const sourceCounts = await counts(source)
    expect(await counts(target)).toEqual(sourceCounts)
    // Every table has rows, so the copy above met each one and its foreign keys.
    expect(Object.values(sourceCounts).every((n) => n > 0)).toBe(true)
    const { comparisons } = await compareTables(source, target)
    expect(comparisons.filter((c) => !matches(c))).toEqual([])
    expect(await target.db.selectFrom('replicas').selectAll().execute()).toEqual([])

    // A third run finds nothing left to do.
    const third = await copyTables(source, target, { batchSize: 4 })
    expect(third.every((c) => c.copied === 0 && c.alreadyThere === c.rows)).toBe(true)
  })

  it('refuses a target holding other content under one of the ids, and writes nothing', async () => {
    const [first] = await seedEveryTable(source.db, 5)
    const row = await source.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', first?.id ?? '')
      .executeTakeFirstOrThrow()
    await target.db
      .insertInto('jobs')
      .values({ ...row, prompt: 'another studio’s take' })
      .execute()

    const refused = copyTables(source, target, { batchSize: 100 })
    await expect(refused).rejects.toThrow(MigrationRefused)
    await expect(refused).rejects.toThrow(/jobs: other content for \["?1"?\]/)
    const after = await counts(target)
    expect(after).toEqual({ ...Object.fromEntries(TABLE_ORDER.map((t) => [t, 0])), jobs: 1 })
  })

  it('refuses a target holding rows the source never had (another studio’s data)', async () => {
    await seedEveryTable(source.db, 2)
    await target.db
      .insertInto('auth_settings')
      .values({ name: 'something_else', value: 'x' })
      .execute()
    await expect(copyTables(source, target, { batchSize: 100 })).rejects.toThrow(
      /auth_settings: rows this studio does not have, \["something_else"\]/,
    )
  })

  it('tells a row changed after the copy apart by its checksum', async () => {
    await seedEveryTable(source.db, 3)
    await copyTables(source, target, { batchSize: 100 })
    await target.db
      .updateTable('notes')
      .set({ body: 'Cooler' })
      .where('id', '=', 'note_seed0001')
      .execute()

    const { comparisons } = await compareTables(source, target)
    const notes = comparisons.find((c) => c.table === 'notes')
    expect(notes).toMatchObject({
      sourceRows: 2,
      targetRows: 2,
      differing: ['["note_seed0001"]'],
      missing: [],
      extra: [],
    })
    expect(notes?.sourceChecksum).not.toBe(notes?.targetChecksum)
    expect(comparisons.filter((c) => !matches(c)).map((c) => c.table)).toEqual(['notes'])
  })

  it('refuses a source table it does not know how to copy', async () => {
    await sql`create table mystery (id text primary key)`.execute(source.db)
    await expect(copyTables(source, target, { batchSize: 100 })).rejects.toThrow(
      /tables this version cannot copy \(mystery\)/,
    )
  })
})
