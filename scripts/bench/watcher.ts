import { jobSchema } from '../../src/contract/job'
import { loadConfig } from '../../src/server/config'
import { createStudio } from '../../src/server/studio'
import { multipartBody } from '../../src/server/testing/multipart'
import type { Upstream } from '../../src/server/upstream/types'
import { spawnChild } from './child'
import type { Bench } from './context'
import type { Completion, SimulatorChildConfig } from './simulator-child'
import { percentile, sleep } from './stats'
import { fixed, row } from './table'

const JOBS = 200
/** Render wall time = scale × (2 + 2.5 × 4 s) = 24 s for a 4 s clip. */
const TIME_SCALE = 2
/** How long the 200 jobs are followed after they were created. */
const WINDOW_MS = 75_000
/** The schedule's fastest pace while progress moves is one poll a second per job. */
const MAX_PER_JOB_MINUTE = 60

interface Timing {
  created: number
  /** When a retrieve first said completed (or failed). */
  seen?: number
  failed?: boolean
  /** When the store first showed the job terminal. */
  done?: number
}

/**
 * Counts what the watcher asks the provider and notes, per upstream id, when a retrieve first
 * said `completed`.
 */
function instrument(timings: Map<string, Timing>) {
  const counts = { retrieve: 0, download: 0, other: 0 }
  const wrap = (upstream: Upstream): Upstream => ({
    ...upstream,
    retrieve: async (id, signal) => {
      counts.retrieve += 1
      const video = await upstream.retrieve(id, signal)
      const timing = timings.get(id)
      if (
        timing &&
        timing.seen === undefined &&
        (video.status === 'completed' || video.status === 'failed')
      ) {
        timing.seen = Date.now()
        timing.failed = video.status === 'failed'
      }
      return video
    },
    download: (id, variant, signal) => {
      counts.download += 1
      return upstream.download(id, variant, signal)
    },
    list: (params, signal) => {
      counts.other += 1
      return upstream.list(params, signal)
    },
  })
  return { counts, wrap }
}

/**
 * 7. Watcher: 200 active jobs on the simulator (in another process, niced so its ffmpeg renders
 * do not starve the studio, as a remote provider would not). Delay = from the simulator turning
 * a video `completed` to the studio's store showing the job `completed`.
 */
export const benchWatcher: Bench = async (ctx) => {
  const simulator = await spawnChild(
    'simulator-child.ts',
    {
      dataDir: ctx.tempDir('watcher-sim'),
      timeScale: TIME_SCALE,
      trackCompletions: true,
    } satisfies SimulatorChildConfig,
    { nice: 10 },
  )
  ctx.defer(() => simulator.close())
  const timings = new Map<string, Timing>()
  const { counts, wrap } = instrument(timings)
  let warnings = 0
  const studio = await createStudio(
    {
      provider: 'custom',
      upstream: {
        baseURL: await simulator.call<string>('baseURL'),
        apiKey: 'bench',
        keyName: 'DAILIES_UPSTREAM_KEY',
      },
      dataDir: ctx.tempDir('watcher'),
      simulator: { timeScale: 0, apiKey: null },
      logLevel: 'info',
      token: null,
      rendersPerMinute: 10_000,
      ffmpegPath: loadConfig({}).ffmpegPath,
    },
    {
      wrapUpstream: wrap,
      logStream: { write: (line: string) => void (/"level":[4-6]0/.test(line) && (warnings += 1)) },
    },
  )
  let running = true
  const closeStudio = async () => {
    if (running) await studio.close()
    running = false
  }
  ctx.defer(closeStudio)

  ctx.log(`watcher: creating ${JOBS} jobs (renders take ${12 * TIME_SCALE} s, ffmpeg 2 at a time)`)
  const jobIdOf = new Map<string, string>()
  const replies = await Promise.all(
    Array.from({ length: JOBS }, async (_, i) => {
      const reply = await studio.app.inject({
        method: 'POST',
        url: '/api/jobs',
        ...multipartBody({
          prompt: `watcher take ${i}: a kite over dunes`,
          model: 'sora-2',
          size: '720x1280',
          seconds: '4',
        }),
      })
      if (reply.statusCode !== 201)
        throw new Error(`create answered ${reply.statusCode}: ${reply.body}`)
      const job = jobSchema.parse(reply.json())
      if (!job.upstreamId) throw new Error(`job ${job.id} has no upstream id`)
      timings.set(job.upstreamId, { created: Date.now() })
      jobIdOf.set(job.upstreamId, job.id)
      return job
    }),
  )
  const requestsBefore = counts.retrieve + counts.download
  const windowStart = Date.now()
  const windowEnd = windowStart + WINDOW_MS
  ctx.log(`watcher: ${replies.length} jobs created; following them for up to ${WINDOW_MS / 1000} s`)

  // The store is what GET /api/jobs/:id answers: look at it every 20 ms for the jobs the
  // provider has finished (a handful at a time), so the studio pays next to nothing for it.
  let open = JOBS
  while (Date.now() < windowEnd && open > 0) {
    open = 0
    for (const [upstreamId, timing] of timings) {
      if (timing.done !== undefined) continue
      const status =
        timing.seen !== undefined ? (await studio.repo.get(jobIdOf.get(upstreamId) ?? ''))?.status : null
      if (status === 'completed' || status === 'failed') timing.done = Date.now()
      else open += 1
    }
    await sleep(20)
  }
  const windowClose = Math.min(Date.now(), windowEnd)
  const requests = counts.retrieve + counts.download - requestsBefore
  const completions = await simulator.call<Record<string, Completion>>('completions')
  await closeStudio()

  const notice: number[] = []
  const archive: number[] = []
  const total: number[] = []
  let jobMinutes = 0
  let failed = 0
  for (const [upstreamId, timing] of timings) {
    jobMinutes +=
      (Math.min(timing.done ?? windowClose, windowClose) - Math.max(timing.created, windowStart)) /
      60_000
    if (timing.failed) failed += 1
    const provider = completions[upstreamId]
    if (!provider || timing.failed) continue
    // The tracker looks every 100 ms from a niced process; completed_at (whole seconds) bounds
    // how late it can have been.
    const done = Math.min(provider.seenAt, provider.completedAt * 1000 + 999)
    if (timing.seen === undefined || timing.done === undefined) {
      // Finished upstream but not yet in the studio when the window closed: at least this late.
      notice.push(windowClose - done)
      continue
    }
    // A retrieve may beat the tracker to it.
    notice.push(Math.max(0, timing.seen - done))
    archive.push(timing.done - timing.seen)
    total.push(timing.done - done)
  }
  const perJobMinute = requests / jobMinutes
  const p95Notice = percentile(notice, 95) / 1000
  const s = (ms: number) => `${fixed(ms / 1000)} s`
  return [
    row(
      '7',
      'upstream requests per job-minute (200 active)',
      `${fixed(perJobMinute)} (${requests} in ${fixed(jobMinutes, 0)} job-min; ${counts.download} downloads)`,
      `≤ ${MAX_PER_JOB_MINUTE}`,
      perJobMinute <= MAX_PER_JOB_MINUTE,
    ),
    row(
      '7',
      'provider done → BFF completed, p95 minus download',
      `${fixed(p95Notice)} s (median ${s(percentile(notice, 50))}, ${notice.length} takes)`,
      '≤ 3 s',
      notice.length > 0 && p95Notice <= 3,
    ),
    row(
      '7',
      'provider done → BFF completed, p95 in all',
      `${s(percentile(total, 95))} (download+archive p95 ${s(percentile(archive, 95))})`,
    ),
    row(
      '7',
      'takes archived in the window, failed, warnings',
      `${total.length} of ${JOBS} in ${fixed((windowClose - windowStart) / 1000, 0)} s, ${failed}, ${warnings}`,
    ),
  ]
}
