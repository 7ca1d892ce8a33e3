import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Db, type Store } from './database'
import { JobRepository } from './job-repository'
import type { JobRecord } from './job-record'
import { jobRecord } from '../testing/seed-job'

let store: Store
let db: Db
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
  store = await openStore(':memory:')
  db = store.sqlite
  repo = new JobRepository(db)
})
afterEach(() => store.close())

describe('job repository', () => {
  it('round-trips every field', () => {
    const job = record('job_aaaaaaaaaa01', {
      error: { code: 'moderation_blocked', kind: 'moderation', message: 'blocked' },
      reference: { hash: 'h', width: 1280, height: 720 },
      remixOf: 'job_parent00001',
      group: 'g1',
      hasThumbnail: true,
    })
    repo.insert(job)
    expect(repo.get(job.id)).toEqual(job)
  })

  it('patches a job and reports a deleted one as gone', () => {
    repo.insert(record('job_aaaaaaaaaa01'))
    const updated = repo.update(
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
      repo.update('job_aaaaaaaaaa01', { error: null, hasSpritesheet: true }, 'x')?.hasSpritesheet,
    ).toBe(true)
    expect(repo.delete('job_aaaaaaaaaa01')).toBe(true)
    expect(repo.update('job_aaaaaaaaaa01', { progress: 50 }, 'x')).toBeNull()
  })

  it('lists newest first and filters by statuses, prompt words (any case, order, punctuation), group and source take', () => {
    repo.insert(record('job_aaaaaaaaaa01', { prompt: 'a red fox at dawn', status: 'completed' }))
    repo.insert(record('job_aaaaaaaaaa02', { prompt: '100% rain_drops', group: 'g' }))
    repo.insert(
      record('job_aaaaaaaaaa03', { prompt: 'A Red balloon', status: 'failed', group: 'g' }),
    )
    const ids = (f: Parameters<JobRepository['list']>[0]) =>
      repo.list(f).items.map((j) => j.id.slice(-2))
    expect(ids({ limit: 10 })).toEqual(['03', '02', '01'])
    expect(ids({ limit: 10, status: ['completed'] })).toEqual(['01'])
    expect(ids({ limit: 10, status: ['completed', 'failed'] })).toEqual(['03', '01'])
    expect(ids({ limit: 10, status: ['queued', 'in_progress'] })).toEqual(['02'])
    expect(ids({ limit: 10, q: 'red' })).toEqual(['03', '01'])
    expect(ids({ limit: 10, q: '100%' })).toEqual(['02'])
    expect(ids({ limit: 10, q: 'DROPS rain' })).toEqual(['02'])
    expect(ids({ limit: 10, q: 'dawn, fox!' })).toEqual(['01'])
    expect(ids({ limit: 10, q: 'red fox balloon' })).toEqual([])
    // A query of punctuation alone names no word, so it narrows nothing.
    expect(ids({ limit: 10, q: '%' })).toEqual(['03', '02', '01'])
    expect(ids({ limit: 10, group: 'g' })).toEqual(['03', '02'])
    repo.insert(record('job_aaaaaaaaaa04', { model: 'sora-2-pro', size: '1792x1024' }))
    expect(ids({ limit: 10, model: 'sora-2-pro' })).toEqual(['04'])
    expect(ids({ limit: 10, size: '1792x1024' })).toEqual(['04'])
    expect(ids({ limit: 10, size: '1280x720', model: 'sora-2' })).toEqual(['03', '02', '01'])
    repo.insert(record('job_aaaaaaaaaa05', { remixOf: 'job_aaaaaaaaaa01' }))
    expect(ids({ limit: 10, remixOf: 'job_aaaaaaaaaa01' })).toEqual(['05'])
  })

  it('pages stably while new jobs are added', () => {
    for (let i = 1; i <= 5; i++) repo.insert(record(`job_aaaaaaaaaa0${i}`))
    const first = repo.list({ limit: 2 })
    expect(first.items.map((j) => j.id.slice(-1))).toEqual(['5', '4'])
    expect(first.hasMore).toBe(true)
    repo.insert(record('job_aaaaaaaaaa06'))
    const second = repo.list({ limit: 2, beforeSeq: first.lastSeq ?? 0 })
    expect(second.items.map((j) => j.id.slice(-1))).toEqual(['3', '2'])
    const third = repo.list({ limit: 2, beforeSeq: second.lastSeq ?? 0 })
    expect(third.items.map((j) => j.id.slice(-1))).toEqual(['1'])
    expect(third.hasMore).toBe(false)
  })

  it('answers a repeated list from memory, and never a stale one after any write', () => {
    repo.insert(record('job_aaaaaaaaaa01'))
    repo.insert(record('job_aaaaaaaaaa02'))
    const first = repo.list({ limit: 10 })
    expect(repo.list({ limit: 10 })).toBe(first)
    // Handed out twice, so nobody may change it.
    expect(() => ((first.items[0] as JobRecord).progress = 99)).toThrow()

    repo.update('job_aaaaaaaaaa01', { status: 'in_progress', progress: 40 }, 'now')
    const updated = repo.list({ limit: 10 })
    expect(updated.items.find((j) => j.id === 'job_aaaaaaaaaa01')).toMatchObject({
      status: 'in_progress',
      progress: 40,
    })
    repo.insert(record('job_aaaaaaaaaa03'))
    expect(repo.list({ limit: 10 }).items.map((j) => j.id.slice(-2))).toEqual(['03', '02', '01'])
    repo.delete('job_aaaaaaaaaa02')
    expect(repo.list({ limit: 10 }).items.map((j) => j.id.slice(-2))).toEqual(['03', '01'])
    // A write by another statement on the same connection counts too.
    db.prepare("UPDATE jobs SET prompt = 'changed elsewhere' WHERE id = 'job_aaaaaaaaaa03'").run()
    expect(repo.list({ limit: 10 }).items[0]?.prompt).toBe('changed elsewhere')
  })

  it('sees a write committed by another connection to the same file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-db-'))
    const file = path.join(dir, 'dailies.db')
    const [a, b] = [await openStore(file), await openStore(file)]
    const mine = new JobRepository(a.sqlite)
    mine.insert(record('job_aaaaaaaaaa01'))
    expect(mine.list({ limit: 10 }).items).toHaveLength(1)
    new JobRepository(b.sqlite).insert(record('job_aaaaaaaaaa02'))
    expect(mine.list({ limit: 10 }).items).toHaveLength(2)
    await a.close()
    await b.close()
    fs.rmSync(dir, { recursive: true })
  })

  it('finds the unfinished jobs, including those caught mid-submit', () => {
    repo.insert(record('job_aaaaaaaaaa01', { status: 'completed' }))
    repo.insert(record('job_aaaaaaaaaa02', { status: 'submitting' }))
    repo.insert(record('job_aaaaaaaaaa03', { status: 'archiving' }))
    repo.insert(record('job_aaaaaaaaaa04', { status: 'failed' }))
    expect(repo.unfinished().map((j) => j.status)).toEqual(['submitting', 'archiving'])
  })
})
