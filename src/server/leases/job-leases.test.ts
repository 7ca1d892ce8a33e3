import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedJob } from '../testing/seed-job'
import { testStoreLocation } from '../testing/test-database'
import { openStore, type Store } from '../store/database'
import { JobRepository } from '../store/job-repository'
import { JobLeases } from './job-leases'

const PERIOD_MS = 10_000
const t0 = new Date('2026-01-01T00:00:00.000Z')
const later = (ms: number) => new Date(t0.getTime() + ms)

/** Two replicas: two connections to one database (the test project's back end), as two processes would have. */
let dir: string
let stores: Store[]
let repo: JobRepository
let a: JobLeases
let b: JobLeases

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-leases-'))
  const location = await testStoreLocation(dir)
  stores = [await openStore(location), await openStore(location)]
  const [one, two] = stores as [Store, Store]
  repo = new JobRepository(one.db)
  a = new JobLeases(one.db, one.dialect, { owner: 'replica-a', periodMs: PERIOD_MS })
  b = new JobLeases(two.db, two.dialect, { owner: 'replica-b', periodMs: PERIOD_MS })
})

afterEach(async () => {
  for (const store of stores) await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const seed = (n: number, status: 'queued' | 'in_progress' | 'completed' = 'in_progress') =>
  Promise.all(Array.from({ length: n }, () => seedJob(repo, { status, upstreamId: 'video_x' })))

describe('job leases', () => {
  it('hands each unfinished job to exactly one of two replicas claiming at once', async () => {
    const jobs = await seed(30)
    await seed(3, 'completed')
    const [mine, theirs] = await Promise.all([a.claim(t0, 20), b.claim(t0, 20)])
    const all = [...mine.ids, ...theirs.ids]
    expect(all.sort()).toEqual(jobs.map((job) => job.id).sort())
    expect(new Set(all).size).toBe(30)
    expect(mine.takenOver + theirs.takenOver).toBe(0)
    expect((await a.claim(t0)).ids).toEqual([])
  })

  it('lets another replica take a job over only once its lease ran out, and counts the takeover', async () => {
    const [job] = await seed(1)
    await a.claim(t0)
    expect(await b.claim(later(PERIOD_MS - 1))).toEqual({ ids: [], takenOver: 0 })
    expect(await b.hold(job!.id, later(PERIOD_MS - 1))).toBe(false)
    expect(await b.claim(later(PERIOD_MS + 1))).toEqual({ ids: [job!.id], takenOver: 1 })
    // The old holder finds out at its next poll, and stops.
    expect(await a.hold(job!.id, later(PERIOD_MS + 2))).toBe(false)
    expect(await b.hold(job!.id, later(PERIOD_MS + 2))).toBe(true)
  })

  it('keeps a job whose holder renews it, however long the work takes', async () => {
    const [job] = await seed(1)
    await a.claim(t0)
    for (let at = PERIOD_MS / 2; at < PERIOD_MS * 5; at += PERIOD_MS / 2) {
      expect(await a.renewAll(later(at))).toBe(1)
      expect((await b.claim(later(at + 1))).ids).toEqual([])
    }
    expect(await a.hold(job!.id, later(PERIOD_MS * 5))).toBe(true)
  })

  it("writes a replica's outcome only while it holds the lease", async () => {
    const [job] = await seed(1)
    await a.claim(t0)
    await b.claim(later(PERIOD_MS + 1))
    const lost = await repo.update(job!.id, { status: 'failed' }, 'late', { whileActive: true, leaseOwner: 'replica-a' })
    expect(lost).toBeNull()
    const held = await repo.update(job!.id, { status: 'archiving' }, 'now', { whileActive: true, leaseOwner: 'replica-b' })
    expect(held?.status).toBe('archiving')
  })

  it('frees released jobs for any replica at once, and leaves jobs held by others alone', async () => {
    const jobs = await seed(3)
    await a.claim(t0)
    await b.release(jobs[0]!.id)
    expect(await b.releaseAll()).toBe(0)
    expect((await b.claim(later(1))).ids).toEqual([])
    await a.release(jobs[0]!.id)
    expect(await b.claim(later(2))).toEqual({ ids: [jobs[0]!.id], takenOver: 0 })
    expect(await a.releaseAll()).toBe(2)
    expect((await b.claim(later(3))).ids.sort()).toEqual([jobs[1]!.id, jobs[2]!.id].sort())
  })

  it('gives a new job to the replica that creates it', async () => {
    const job = await seedJob(repo, { status: 'submitting' })
    const stored = new JobRepository(stores[1]!.db)
    await stored.insert({ ...job, id: 'job_leasenew0001' }, a.forNewJob(t0))
    expect((await b.claim(later(1))).ids).toEqual([job.id])
    expect(await b.hold('job_leasenew0001', later(2))).toBe(false)
  })
})
