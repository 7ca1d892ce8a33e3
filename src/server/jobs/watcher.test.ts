import { afterEach, describe, expect, it } from 'vitest'
import { jobSchema } from '../../contract/job'
import { multipartBody } from '../testing/multipart'
import { seedJob } from '../testing/seed-job'
import { isDone, startTestStudio, type TestStudio } from '../testing/test-studio'
import { UpstreamError, type Upstream } from '../upstream/types'

let studio: TestStudio | null = null
afterEach(async () => {
  await studio?.close()
  studio = null
})

interface Calls {
  retrieves: { id: string; at: number }[]
  inFlightById: Map<string, number>
  maxPerJob: number
  inFlight: number
  maxInFlight: number
}

/** Wraps the real adapter to watch how the watcher calls it. */
function observe(calls: Calls, failFirst?: UpstreamError) {
  return (upstream: Upstream): Upstream => ({
    ...upstream,
    retrieve: async (id, signal) => {
      calls.retrieves.push({ id, at: Date.now() })
      const mine = (calls.inFlightById.get(id) ?? 0) + 1
      calls.inFlightById.set(id, mine)
      calls.maxPerJob = Math.max(calls.maxPerJob, mine)
      calls.maxInFlight = Math.max(calls.maxInFlight, ++calls.inFlight)
      try {
        if (failFirst && calls.retrieves.length === 1) throw failFirst
        await new Promise((resolve) => setTimeout(resolve, 20))
        return await upstream.retrieve(id, signal)
      } finally {
        calls.inFlight--
        calls.inFlightById.set(id, (calls.inFlightById.get(id) ?? 1) - 1)
      }
    },
  })
}

const newCalls = (): Calls => ({ retrieves: [], inFlightById: new Map(), maxPerJob: 0, inFlight: 0, maxInFlight: 0 })

async function createJob(s: TestStudio, prompt: string) {
  const body = multipartBody({ prompt, model: 'sora-2', size: '720x1280', seconds: '4' })
  return jobSchema.parse((await s.app.inject({ method: 'POST', url: '/api/jobs', ...body })).json())
}

describe('the watcher', () => {
  it('keeps one poll per job and a global cap, however many tabs poll the studio', async () => {
    const calls = newCalls()
    studio = await startTestStudio({
      overrides: { wrapUpstream: observe(calls), schedule: { minMs: 10, maxMs: 30, concurrency: 2 } },
    })
    const s = studio
    const jobs = await Promise.all(Array.from({ length: 4 }, (_, i) => createJob(s, `take ${i}`)))
    // 50 tabs keep polling every job for as long as the watcher follows them.
    const deadline = Date.now() + 90_000
    const tabs = Array.from({ length: 50 }, async () => {
      while (s.watcher.activeCount > 0 && Date.now() < deadline) {
        await Promise.all(jobs.map((job) => s.app.inject({ method: 'GET', url: `/api/jobs/${job.id}` })))
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    })
    await Promise.all(tabs)
    const done = await Promise.all(jobs.map((job) => s.getJob(job.id)))
    expect(done.map((job) => job.status)).toEqual(Array(4).fill('completed'))
    expect(calls.retrieves.length).toBeGreaterThanOrEqual(4)
    expect(calls.maxPerJob).toBe(1)
    expect(calls.maxInFlight).toBe(2)
  }, 120_000)

  it('never calls the provider for a browser poll', async () => {
    const calls = newCalls()
    studio = await startTestStudio({ overrides: { wrapUpstream: observe(calls) } })
    const job = await createJob(studio, 'a quiet take [sim:slow]')
    await studio.watcher.stop()
    const before = calls.retrieves.length
    for (let i = 0; i < 100; i++) await studio.app.inject({ method: 'GET', url: `/api/jobs/${job.id}` })
    expect(calls.retrieves.length).toBe(before)
  })

  it('waits as long as Retry-After asks before polling again', async () => {
    const calls = newCalls()
    const slowDown = new UpstreamError('rate_limited', 'slow down', { status: 429, retryAfterMs: 1500 })
    studio = await startTestStudio({ overrides: { wrapUpstream: observe(calls, slowDown) } })
    const job = await createJob(studio, 'a patient take')
    await studio.waitForJob(job.id, isDone)
    const [first, second] = calls.retrieves
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1500)
    expect((await studio.getJob(job.id)).status).toBe('completed')
  })

  it('marks a job caught mid-submit as interrupted on restart, and it can be retried', async () => {
    studio = await startTestStudio()
    await seedJob(studio.repo, {
      id: 'job_interrupted0001',
      provider: 'simulator',
      prompt: 'caught by a crash',
      status: 'submitting',
    })
    await studio.watcher.resume()
    const job = await studio.getJob('job_interrupted0001')
    expect(job).toMatchObject({ status: 'failed', error: { code: 'interrupted' }, prompt: 'caught by a crash' })
    const retry = await studio.app.inject({ method: 'POST', url: '/api/jobs/job_interrupted0001/retry' })
    expect(retry.statusCode).toBe(201)
    const again = jobSchema.parse(retry.json())
    expect((await studio.waitForJob(again.id, isDone)).status).toBe('completed')
  })
})
