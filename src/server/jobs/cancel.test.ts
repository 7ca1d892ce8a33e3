import { afterEach, describe, expect, it } from 'vitest'
import { jobSchema, type Job } from '../../contract/job'
import { captureLogs } from '../testing/log-capture'
import { multipartBody } from '../testing/multipart'
import { seedJob } from '../testing/seed-job'
import { startTestStudio, type TestStudio } from '../testing/test-studio'
import { UpstreamError, type Upstream, type UpstreamVideo } from '../upstream/types'

let studio: TestStudio | null = null
afterEach(async () => {
  await studio?.close()
  studio = null
})

/** The real simulator, except that polls say what the test wants until it lets the truth through. */
function provider(say: (video: UpstreamVideo, poll: number) => Partial<UpstreamVideo> | null) {
  const calls = { retrieves: 0, deletes: [] as string[], downloads: 0, refuseDelete: false }
  const wrap = (upstream: Upstream): Upstream => ({
    ...upstream,
    // Counted when a poll starts, so a poll already in flight at a cancel is not taken for a
    // poll made after it.
    retrieve: async (id, signal) => {
      const poll = ++calls.retrieves
      const video = await upstream.retrieve(id, signal)
      const told = say(video, poll)
      return told ? { ...video, ...told } : video
    },
    delete: (id) => {
      calls.deletes.push(id)
      if (!calls.refuseDelete) return Promise.resolve()
      return Promise.reject(
        new UpstreamError(
          'invalid',
          'Video is still in_progress; only completed or failed videos can be deleted.',
        ),
      )
    },
    download: (id, variant, signal) => {
      calls.downloads++
      return upstream.download(id, variant, signal)
    },
  })
  return { calls, wrap }
}

async function start(s: TestStudio, prompt = 'a lighthouse'): Promise<Job> {
  const body = multipartBody({ prompt, model: 'sora-2', size: '720x1280', seconds: '4' })
  return jobSchema.parse((await s.app.inject({ method: 'POST', url: '/api/jobs', ...body })).json())
}
const cancel = (s: TestStudio, id: string) =>
  s.app.inject({ method: 'POST', url: `/api/jobs/${id}/cancel` })
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('cancel', () => {
  it('cancels a rendering take: cancelled at once, cost 0, DELETE sent, polling stops', async () => {
    let hold = true
    const p = provider(() => (hold ? { status: 'in_progress', progress: 40 } : null))
    studio = await startTestStudio({ overrides: { wrapUpstream: p.wrap } })
    const job = await start(studio)
    await studio.waitForJob(job.id, (j) => j.status === 'in_progress')
    const reply = await cancel(studio, job.id)
    expect(reply.statusCode).toBe(200)
    expect(jobSchema.parse(reply.json())).toMatchObject({
      status: 'cancelled',
      costUsd: 0,
      error: null,
      media: null,
    })
    expect(p.calls.deletes).toEqual([job.upstreamId])
    const polls = p.calls.retrieves
    hold = false
    await pause(400)
    expect(p.calls.retrieves).toBe(polls)
    expect((await studio.getJob(job.id)).status).toBe('cancelled')
  })

  it('keeps nothing when the provider refuses the cancel and finishes the take anyway, and says so', async () => {
    let hold = true
    const p = provider(() => (hold ? { status: 'queued', progress: 0 } : null))
    p.calls.refuseDelete = true
    studio = await startTestStudio({ overrides: { wrapUpstream: p.wrap } })
    const job = await start(studio)
    await studio.waitForJob(job.id, (j) => j.status === 'queued')
    const cancelled = jobSchema.parse((await cancel(studio, job.id)).json())
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      costUsd: 0,
      error: { code: 'cancel_unconfirmed' },
    })
    expect(cancelled.error?.message).toMatch(
      /may still render \(and bill\) this take; the studio will not keep it/,
    )
    hold = false
    // The provider finishes; the studio neither polls nor downloads it.
    await pause(400)
    expect(p.calls.downloads).toBe(0)
    expect(await studio.vault.has(job.id, 'video')).toBe(false)
    expect((await studio.getJob(job.id)).status).toBe('cancelled')
  })

  it('turns a take the provider reports cancelled into a cancelled take', async () => {
    const p = provider(() => ({ status: 'cancelled' }))
    studio = await startTestStudio({ overrides: { wrapUpstream: p.wrap } })
    const job = await start(studio)
    const done = await studio.waitForJob(job.id, (j) => j.status === 'cancelled')
    expect(done).toMatchObject({ costUsd: 0, media: null })
  })

  it.each([
    ['completed', 'This take has already finished; delete it instead'],
    ['failed', 'This take has already failed; there is nothing to cancel'],
    ['cancelled', 'This take is already cancelled'],
    ['archiving', 'This take has already finished rendering and is being saved; delete it instead'],
    ['submitting', 'This take is still being handed to the provider; cancel it in a moment'],
  ] as const)('answers 409 for a %s take and changes nothing', async (status, message) => {
    const p = provider(() => null)
    studio = await startTestStudio({
      overrides: { wrapUpstream: p.wrap, schedule: { minMs: 60_000, maxMs: 60_000 } },
    })
    const job = await seedJob(studio.repo, {
      status,
      upstreamId: status === 'submitting' ? null : 'video_seeded',
    })
    const reply = await cancel(studio, job.id)
    expect(reply.statusCode).toBe(409)
    expect(reply.json()).toMatchObject({ error: { code: 'conflict', message } })
    expect((await studio.getJob(job.id)).status).toBe(status)
    expect(p.calls.deletes).toEqual([])
  })
})

describe('gateway statuses in the watcher', () => {
  it('fails a take the provider discarded (expired) in words', async () => {
    studio = await startTestStudio()
    const job = await start(studio, 'gone soon [sim:status-expired]')
    const done = await studio.waitForJob(
      job.id,
      (j) => j.status !== 'queued' && j.status !== 'in_progress',
    )
    expect(done).toMatchObject({ status: 'failed', costUsd: 0, error: { code: 'expired' } })
    expect(done.error?.message).toMatch(/^The provider discarded this video/)
  })

  it('reads NOT_START, running and SUCCESS through to a saved take', async () => {
    studio = await startTestStudio()
    const job = await start(studio, 'spelled differently [sim:gateway-status]')
    const done = await studio.waitForJob(
      job.id,
      (j) => j.status === 'completed' || j.status === 'failed',
    )
    expect(done.status).toBe('completed')
    expect(done.media?.video).toBe(`/api/jobs/${job.id}/video`)
  })

  it('keeps polling through an unknown status word and logs it once per job', async () => {
    const logs = captureLogs()
    const p = provider((_video, poll) =>
      poll <= 4 ? { status: 'in_progress', unknownStatus: 'WARMING_UP' } : null,
    )
    studio = await startTestStudio({
      config: { logLevel: 'warn' },
      overrides: { wrapUpstream: p.wrap, logStream: logs.stream },
    })
    const job = await start(studio)
    const done = await studio.waitForJob(
      job.id,
      (j) => j.status === 'completed' || j.status === 'failed',
    )
    expect(done.status).toBe('completed')
    const unknown = logs
      .entries()
      .filter((e) => String(e.msg).startsWith('unknown upstream status'))
    expect(unknown).toHaveLength(1)
    expect(unknown[0]).toMatchObject({ jobId: job.id, word: 'WARMING_UP' })
  })

  it('fails a take that outlives the age limit, and asks the provider to stop it', async () => {
    const p = provider(() => ({ status: 'in_progress', progress: 10 }))
    studio = await startTestStudio({
      config: { jobMaxAgeMs: 150 },
      overrides: { wrapUpstream: p.wrap },
    })
    const job = await start(studio)
    const done = await studio.waitForJob(job.id, (j) => j.status === 'failed')
    expect(done).toMatchObject({ costUsd: 0, error: { code: 'timed_out' } })
    expect(done.error?.message).toMatch(
      /did not finish this take within \d+ minutes, so the studio stopped waiting/,
    )
    await pause(50)
    expect(p.calls.deletes).toEqual([job.upstreamId])
  })
})
