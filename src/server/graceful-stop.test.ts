import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Job } from '../contract/job'
import { openStore } from './store/database'
import { testStoreLocation } from './testing/test-database'
import { startTestSimulator } from './testing/test-simulator'
import { createOverHttp, killHard, spawnStudio } from './testing/studio-process'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('a studio stopped with SIGTERM', () => {
  it('exits 0 having let go of its leases, so the next replica finishes its jobs without waiting them out', async () => {
    // The provider outlives the studio (its own server); renders take a few seconds.
    const simulator = await startTestSimulator({ timeScale: 0.4 })
    cleanups.push(() => simulator.close())
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-sigterm-'))
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    const env = {
      DAILIES_PROVIDER: 'custom',
      DAILIES_UPSTREAM_URL: simulator.baseURL,
      DAILIES_UPSTREAM_KEY: 'test-key',
      DAILIES_DATA_DIR: dataDir,
      // Far longer than the test: only a released lease lets the next replica in.
      DAILIES_LEASE_SECONDS: '600',
    }
    const first = await spawnStudio(env)
    cleanups.push(() => killHard(first.child))
    const jobs = [await createOverHttp(first.url, 'stopped take 1'), await createOverHttp(first.url, 'stopped take 2')]

    const exited = new Promise<number | null>((resolve) => first.child.once('exit', (code) => resolve(code)))
    first.child.kill('SIGTERM')
    expect(await exited).toBe(0)

    const store = await openStore(await testStoreLocation(dataDir))
    const rows = await store.db.selectFrom('jobs').select(['status', 'lease_owner']).execute()
    const replicas = await store.db.selectFrom('replicas').select('id').execute()
    await store.close()
    expect(rows.map((row) => row.lease_owner)).toEqual([null, null])
    expect(rows.every((row) => row.status !== 'completed')).toBe(true)
    expect(replicas).toEqual([])

    // A second replica on the same store: it claims them at once (a held lease would make it wait 10 minutes).
    const second = await spawnStudio(env)
    cleanups.push(() => killHard(second.child))
    await expect
      .poll(
        async () => {
          const done = await Promise.all(jobs.map(async (job) => (await (await fetch(`${second.url}/api/jobs/${job.id}`)).json()) as Job))
          return done.map((job) => job.status)
        },
        { timeout: 60_000, interval: 300 },
      )
      .toEqual(['completed', 'completed'])
  }, 120_000)
})
