import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from './database'
import { JobRepository } from './job-repository'
import { ReadMemo } from './read-memo'
import { jobRecord } from '../testing/seed-job'

const take = (id: string) => jobRecord({ id, provider: 'simulator', prompt: `prompt of ${id}` })
const ids = async (repo: JobRepository) => (await repo.list({ limit: 10 })).items.map((job) => job.id)

let dir: string
let store: Store
let repo: JobRepository

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-memo-'))
  store = await openStore({ sqliteFile: path.join(dir, 'dailies.db') })
  if (!store.changeStamp) throw new Error('SQLite tells when its data changed')
  repo = new JobRepository(store.db, new ReadMemo(store.changeStamp))
})
afterEach(async () => {
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

// Polls are answered from memory between writes; these are the writes a poll must still see.
describe('reads kept until the database changes', () => {
  it('answers a poll with what this process wrote since the last one', async () => {
    await repo.insert(take('job_aaaaaaaaaa01'))
    expect(await ids(repo)).toEqual(['job_aaaaaaaaaa01'])
    expect((await repo.get('job_aaaaaaaaaa01'))?.status).toBe('queued')

    await repo.insert(take('job_aaaaaaaaaa02'))
    await repo.update('job_aaaaaaaaaa01', { status: 'in_progress', progress: 30 }, 'later')
    expect(await ids(repo)).toEqual(['job_aaaaaaaaaa02', 'job_aaaaaaaaaa01'])
    expect((await repo.get('job_aaaaaaaaaa01'))?.status).toBe('in_progress')

    await repo.softDelete('job_aaaaaaaaaa02', 'later')
    expect(await ids(repo)).toEqual(['job_aaaaaaaaaa01'])
    expect(await repo.get('job_aaaaaaaaaa02')).toBeNull()
  })

  it('answers a poll with what another process wrote to the same file', async () => {
    await repo.insert(take('job_aaaaaaaaaa01'))
    expect(await ids(repo)).toEqual(['job_aaaaaaaaaa01'])
    expect((await repo.get('job_aaaaaaaaaa01'))?.progress).toBe(0)

    const other = await openStore({ sqliteFile: path.join(dir, 'dailies.db') })
    try {
      const otherRepo = new JobRepository(other.db)
      await otherRepo.insert(take('job_aaaaaaaaaa02'))
      await otherRepo.update('job_aaaaaaaaaa01', { progress: 55 }, 'later')
    } finally {
      await other.close()
    }
    // Another process's commit reaches this one by I/O, in a later turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve))
    expect(await ids(repo)).toEqual(['job_aaaaaaaaaa02', 'job_aaaaaaaaaa01'])
    expect((await repo.get('job_aaaaaaaaaa01'))?.progress).toBe(55)
  })

  it('does not answer a read from before a transaction that is still writing', async () => {
    await repo.insert(take('job_aaaaaaaaaa01'))
    expect(await ids(repo)).toEqual(['job_aaaaaaaaaa01'])
    let polled: Promise<string[]> = Promise.resolve([])
    await store.db.transaction().execute(async (trx) => {
      await new JobRepository(trx).insert(take('job_aaaaaaaaaa02'))
      // A poll arriving mid-transaction waits for it rather than answering the kept page.
      polled = ids(repo)
    })
    expect(await polled).toEqual(['job_aaaaaaaaaa02', 'job_aaaaaaaaaa01'])
  })
})
