import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from './database'
import { openTestStore, testStoreLocation } from '../testing/test-database'
import { JobRepository } from './job-repository'
import type { JobRecord } from './job-record'
import { jobRecord } from '../testing/seed-job'

let store: Store
let repo: JobRepository

function record(id: string, overrides: Partial<JobRecord> = {}): JobRecord {
  return jobRecord({
    id,
    provider: 'simulator',
    prompt: `prompt of ${id}`,
    size: '1280x720',
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    ...overrides,
  })
}

beforeEach(async () => {
  store = await openTestStore()
  repo = new JobRepository(store.db)
})
afterEach(() => store.close())

describe('job repository', () => {
  it('round-trips every field', async () => {
    const job = record('job_aaaaaaaaaa01', {
      error: { code: 'moderation_blocked', kind: 'moderation', message: 'blocked' },
      reference: { hash: 'h', width: 1280, height: 720 },
      remixOf: 'job_parent00001',
      group: 'g1',
      hasThumbnail: true,
    })
    await repo.insert(job)
    expect(await repo.get(job.id)).toEqual(job)
  })

  it('patches a job and reports a deleted one as gone', async () => {
    await repo.insert(record('job_aaaaaaaaaa01'))
    const updated = await repo.update(
      'job_aaaaaaaaaa01',
      { status: 'in_progress', progress: 40, upstreamId: 'video_1' },
      'later',
    )
    expect(updated).toMatchObject({
      status: 'in_progress',
      progress: 40,
      upstreamId: 'video_1',
      updatedAt: 'later',
    })
    expect(
      (await repo.update('job_aaaaaaaaaa01', { error: null, hasSpritesheet: true }, 'x'))?.hasSpritesheet,
    ).toBe(true)
    expect(await repo.delete('job_aaaaaaaaaa01')).toBe(true)
    expect(await repo.update('job_aaaaaaaaaa01', { progress: 50 }, 'x')).toBeNull()
  })

  it('lists newest first and filters by statuses, prompt words (any case, order, punctuation), group and source take', async () => {
    await repo.insert(record('job_aaaaaaaaaa01', { prompt: 'a red fox at dawn', status: 'completed' }))
    await repo.insert(record('job_aaaaaaaaaa02', { prompt: '100% rain_drops', group: 'g' }))
    await repo.insert(
      record('job_aaaaaaaaaa03', { prompt: 'A Red balloon', status: 'failed', group: 'g' }),
    )
    const ids = async (f: Parameters<JobRepository['list']>[0]) =>
      (await repo.list(f)).items.map((j) => j.id.slice(-2))
    expect(await ids({ limit: 10 })).toEqual(['03', '02', '01'])
    expect(await ids({ limit: 10, status: ['completed'] })).toEqual(['01'])
    expect(await ids({ limit: 10, status: ['completed', 'failed'] })).toEqual(['03', '01'])
    expect(await ids({ limit: 10, status: ['queued', 'in_progress'] })).toEqual(['02'])
    expect(await ids({ limit: 10, q: 'red' })).toEqual(['03', '01'])
    expect(await ids({ limit: 10, q: '100%' })).toEqual(['02'])
    expect(await ids({ limit: 10, q: 'DROPS rain' })).toEqual(['02'])
    expect(await ids({ limit: 10, q: 'dawn, fox!' })).toEqual(['01'])
    expect(await ids({ limit: 10, q: 'red fox balloon' })).toEqual([])
    // A query of punctuation alone names no word, so it narrows nothing.
    expect(await ids({ limit: 10, q: '%' })).toEqual(['03', '02', '01'])
    expect(await ids({ limit: 10, group: 'g' })).toEqual(['03', '02'])
    await repo.insert(record('job_aaaaaaaaaa04', { model: 'sora-2-pro', size: '1792x1024' }))
    expect(await ids({ limit: 10, model: 'sora-2-pro' })).toEqual(['04'])
    expect(await ids({ limit: 10, size: '1792x1024' })).toEqual(['04'])
    expect(await ids({ limit: 10, size: '1280x720', model: 'sora-2' })).toEqual(['03', '02', '01'])
    await repo.insert(record('job_aaaaaaaaaa05', { remixOf: 'job_aaaaaaaaaa01' }))
    expect(await ids({ limit: 10, remixOf: 'job_aaaaaaaaaa01' })).toEqual(['05'])
  })

  it('pages stably while new jobs are added', async () => {
    for (let i = 1; i <= 5; i++) await repo.insert(record(`job_aaaaaaaaaa0${i}`))
    const first = await repo.list({ limit: 2 })
    expect(first.items.map((j) => j.id.slice(-1))).toEqual(['5', '4'])
    expect(first.hasMore).toBe(true)
    await repo.insert(record('job_aaaaaaaaaa06'))
    const second = await repo.list({ limit: 2, beforeSeq: first.lastSeq ?? 0 })
    expect(second.items.map((j) => j.id.slice(-1))).toEqual(['3', '2'])
    const third = await repo.list({ limit: 2, beforeSeq: second.lastSeq ?? 0 })
    expect(third.items.map((j) => j.id.slice(-1))).toEqual(['1'])
    expect(third.hasMore).toBe(false)
  })

  it('never answers a stale page after any write', async () => {
    await repo.insert(record('job_aaaaaaaaaa01'))
    await repo.insert(record('job_aaaaaaaaaa02'))
    await repo.list({ limit: 10 })
    await repo.update('job_aaaaaaaaaa01', { status: 'in_progress', progress: 40 }, 'now')
    const updated = await repo.list({ limit: 10 })
    expect(updated.items.find((j) => j.id === 'job_aaaaaaaaaa01')).toMatchObject({
      status: 'in_progress',
      progress: 40,
    })
    await repo.insert(record('job_aaaaaaaaaa03'))
    expect((await repo.list({ limit: 10 })).items.map((j) => j.id.slice(-2))).toEqual(['03', '02', '01'])
    await repo.delete('job_aaaaaaaaaa02')
    expect((await repo.list({ limit: 10 })).items.map((j) => j.id.slice(-2))).toEqual(['03', '01'])
  })

  it('leaves a job the watcher would patch alone once it has ended (a cancel meanwhile)', async () => {
    await repo.insert(record('job_aaaaaaaaaa01', { status: 'in_progress' }))
    await repo.update('job_aaaaaaaaaa01', { status: 'cancelled' }, 'now')
    expect(await repo.update('job_aaaaaaaaaa01', { status: 'archiving' }, 'later', { whileActive: true })).toBeNull()
    expect((await repo.get('job_aaaaaaaaaa01'))?.status).toBe('cancelled')
  })

  it('sees a write committed by another connection to the same database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-db-'))
    const location = await testStoreLocation(dir)
    const [a, b] = [await openStore(location), await openStore(location)]
    const mine = new JobRepository(a.db)
    await mine.insert(record('job_aaaaaaaaaa01'))
    expect((await mine.list({ limit: 10 })).items).toHaveLength(1)
    await new JobRepository(b.db).insert(record('job_aaaaaaaaaa02'))
    expect((await mine.list({ limit: 10 })).items).toHaveLength(2)
    await a.close()
    await b.close()
    fs.rmSync(dir, { recursive: true })
  })

  it('finds the unfinished jobs, including those caught mid-submit', async () => {
    await repo.insert(record('job_aaaaaaaaaa01', { status: 'completed' }))
    await repo.insert(record('job_aaaaaaaaaa02', { status: 'submitting' }))
    await repo.insert(record('job_aaaaaaaaaa03', { status: 'archiving' }))
    await repo.insert(record('job_aaaaaaaaaa04', { status: 'failed' }))
    expect((await repo.unfinished()).map((j) => j.status)).toEqual(['submitting', 'archiving'])
  })
})
