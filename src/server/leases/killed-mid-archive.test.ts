import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { jobSchema, type Job } from '../../contract/job'
import { startCountingProxy } from '../testing/counting-proxy'
import { killHard, spawnStudio } from '../testing/studio-process'
import { startTestSimulator } from '../testing/test-simulator'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('a studio killed while it saves a take to the vault folder', () => {
  it('leaves no half file in the take’s folder, and the next studio saves it whole', async () => {
    const simulator = await startTestSimulator({ timeScale: 0 })
    cleanups.push(() => simulator.close())
    let studio: Awaited<ReturnType<typeof spawnStudio>> | null = null
    let killedAt: string | null = null
    const proxy = await startCountingProxy(simulator.baseURL, (request) => {
      if (killedAt !== null || request.variant !== 'video' || !studio) return
      studio.child.kill('SIGKILL')
      killedAt = request.videoId
    })
    cleanups.push(() => proxy.close())
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-midarchive-'))
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    const env = {
      DAILIES_PROVIDER: 'custom',
      DAILIES_UPSTREAM_URL: proxy.urlFor('first'),
      DAILIES_UPSTREAM_KEY: 'test-key',
      DAILIES_DATA_DIR: dataDir,
    }
    studio = await spawnStudio(env)
    cleanups.push(() => killHard(studio.child))
    const form = new FormData()
    for (const [k, v] of Object.entries({ prompt: 'cut short', model: 'sora-2', size: '720x1280', seconds: '4' })) form.set(k, v)
    const job = jobSchema.parse(await (await fetch(`${studio.url}/api/jobs`, { method: 'POST', body: form })).json())
    await expect.poll(() => studio.child.signalCode, { timeout: 60_000 }).toBe('SIGKILL')

    // The kill came mid-download: nothing of the take is in its folder (what came so far is in .tmp at most).
    const folder = path.join(dataDir, 'vault', job.id)
    const visible = fs.existsSync(folder) ? fs.readdirSync(folder) : []
    expect(visible.filter((file) => !file.startsWith('reference'))).toEqual([])

    const again = await spawnStudio({ ...env, DAILIES_UPSTREAM_URL: proxy.urlFor('second') })
    cleanups.push(() => killHard(again.child))
    await expect
      .poll(async () => ((await (await fetch(`${again.url}/api/jobs/${job.id}`)).json()) as Job).status, { timeout: 60_000 })
      .toBe('completed')
    const original = await simulator.content(killedAt!, 'video')
    expect(sha(fs.readFileSync(path.join(folder, 'video.mp4')))).toBe(sha(original))
    // No partial download is left behind either.
    expect(fs.readdirSync(path.join(dataDir, 'vault', '.tmp'))).toEqual([])
    expect(proxy.traffic.creates).toBe(1)
  }, 120_000)
})
