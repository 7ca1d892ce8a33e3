import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { jobListSchema } from '../../contract/api'
import { jobSchema, type Job } from '../../contract/job'
import { startSimulator } from '../../simulator/server'
import { killHard, spawnStudio } from '../testing/studio-process'
import { startTcpProxy } from '../testing/tcp-proxy'
import { isDone, startTestStudio } from '../testing/test-studio'
import { multipartBody } from '../testing/multipart'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dailies-${label}-`))
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

async function createOverHttp(url: string, prompt: string): Promise<Job> {
  const form = new FormData()
  for (const [k, v] of Object.entries({ prompt, model: 'sora-2', size: '720x1280', seconds: '4' })) form.set(k, v)
  const reply = await fetch(`${url}/api/jobs`, { method: 'POST', body: form })
  expect(reply.status).toBe(201)
  return jobSchema.parse(await reply.json())
}

async function listOverHttp(url: string): Promise<Job[]> {
  return jobListSchema.parse(await (await fetch(`${url}/api/jobs?limit=100`)).json()).items
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== null) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

describe('a studio killed mid-render', () => {
  it('finishes and archives every job after a restart, with exactly one create each', async () => {
    const simulator = await startSimulator({ dataDir: tempDir('sim'), timeScale: 0.3 })
    cleanups.push(() => simulator.close())
    const env = {
      DAILIES_PROVIDER: 'custom',
      DAILIES_UPSTREAM_URL: simulator.baseURL,
      DAILIES_UPSTREAM_KEY: 'test-key',
      DAILIES_DATA_DIR: tempDir('crash'),
    }
    const first = await spawnStudio(env)
    cleanups.push(() => killHard(first.child))
    const created = []
    for (let i = 0; i < 5; i++) created.push(await createOverHttp(first.url, `crash take ${i}`))
    await until('a render in progress', async () => {
      const jobs = await listOverHttp(first.url)
      return jobs.some((j) => j.status === 'in_progress') ? true : null
    })
    await killHard(first.child)

    const second = await spawnStudio(env)
    cleanups.push(() => killHard(second.child))
    const done = await until('all five archived', async () => {
      const jobs = await listOverHttp(second.url)
      return jobs.length === 5 && jobs.every(isDone) ? jobs : null
    })
    expect(done.map((j) => j.status)).toEqual(Array(5).fill('completed'))
    expect(new Set(done.map((j) => j.id))).toEqual(new Set(created.map((j) => j.id)))
    for (const job of done) {
      const video = await fetch(`${second.url}${job.media?.video}`)
      expect(video.status).toBe(200)
      expect(Buffer.from(await video.arrayBuffer()).subarray(4, 8).toString('latin1')).toBe('ftyp')
    }
    const upstreamList = (await (
      await fetch(`${simulator.baseURL}/videos?limit=100`, { headers: { authorization: 'Bearer test-key' } })
    ).json()) as { data: unknown[] }
    expect(upstreamList.data).toHaveLength(5)
  }, 120_000)
})

describe('a provider unreachable for 30 s', () => {
  it('fails no job meanwhile, and completes every one afterwards', async () => {
    const simulator = await startSimulator({ dataDir: tempDir('sim'), timeScale: 0.3 })
    cleanups.push(() => simulator.close())
    const simURL = new URL(simulator.baseURL)
    const proxy = await startTcpProxy({ host: simURL.hostname, port: Number(simURL.port) })
    cleanups.push(() => proxy.close())
    const studio = await startTestStudio({
      upstream: {
        baseURL: `http://127.0.0.1:${proxy.port}${simURL.pathname}`,
        apiKey: 'test-key',
        keyName: 'DAILIES_UPSTREAM_KEY',
      },
      overrides: { schedule: { minMs: 200, maxMs: 1000, errorMaxMs: 4000 } },
    })
    cleanups.push(() => studio.close())
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const body = multipartBody({ prompt: `outage take ${i}`, model: 'sora-2', size: '720x1280', seconds: '4' })
      const reply = await studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })
      ids.push(jobSchema.parse(reply.json()).id)
    }
    proxy.setDown(true)
    const outageEnds = Date.now() + 30_000
    while (Date.now() < outageEnds) {
      const statuses = await Promise.all(ids.map(async (id) => (await studio.getJob(id)).status))
      expect(statuses).not.toContain('failed')
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    proxy.setDown(false)
    const done = await Promise.all(ids.map((id) => studio.waitForJob(id, isDone, 30_000)))
    expect(done.map((j) => j.status)).toEqual(['completed', 'completed', 'completed'])
  }, 90_000)
})
