import fs from 'node:fs'
import { bypass, http, HttpResponse, passthrough } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { jobSchema, type Job, type JobStatus } from '../../contract/job'
import { multipartBody } from '../testing/multipart'
import { startTestSimulator, type TestSimulator } from '../testing/test-simulator'
import { isDone, startTestStudio, type TestStudio } from '../testing/test-studio'
import { listFiles } from '../testing/vault-snapshot'

/**
 * A provider misbehaving on the way: rate limits in bursts, 5xx on reads, slow and broken
 * downloads. msw stands between the studio and a real simulator, answering for it where the
 * simulator cannot misbehave and letting everything else through.
 */

const server = setupServer()
let simulator: TestSimulator
let studio: TestStudio | null = null

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }))
afterEach(async () => {
  server.resetHandlers()
  await studio?.close()
  await simulator.close()
  studio = null
})
afterAll(() => server.close())

interface Exchange {
  at: number
  id: string
  op: 'retrieve' | 'content'
  variant: string | null
  status: number | 'passed'
}

const STUDIO_KEY = 'test-key'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const envelope = (message: string, type: string, code: string | null = null) => ({
  error: { message, type, param: null, code },
})

async function start(): Promise<TestStudio> {
  simulator = await startTestSimulator()
  studio = await startTestStudio({
    upstream: { baseURL: simulator.baseURL, apiKey: STUDIO_KEY, keyName: 'DAILIES_UPSTREAM_KEY' },
  })
  return studio
}

async function createJobs(s: TestStudio, count: number): Promise<Job[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const body = multipartBody({
        prompt: `a take through a bad line ${i}`,
        model: 'sora-2',
        size: '720x1280',
        seconds: '4',
      })
      const reply = await s.app.inject({ method: 'POST', url: '/api/jobs', ...body })
      expect(reply.statusCode, reply.body).toBe(201)
      return jobSchema.parse(reply.json())
    }),
  )
}

/** Every status each job shows a browser until all are done: a failure in between would show. */
async function followToTheEnd(
  s: TestStudio,
  jobs: Job[],
  timeoutMs = 45_000,
): Promise<{ final: Job[]; seen: Set<JobStatus> }> {
  const seen = new Set<JobStatus>()
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const now = await Promise.all(jobs.map((job) => s.getJob(job.id)))
    for (const job of now) seen.add(job.status)
    if (now.every(isDone)) return { final: now, seen }
    if (Date.now() > deadline)
      throw new Error(
        `stuck: ${now.map((j) => `${j.status} ${j.error?.message ?? ''}`).join('; ')}`,
      )
    await sleep(50)
  }
}

/** Records every read the studio sends the provider, answering with `decide` or letting it through. */
function interceptReads(
  log: Exchange[],
  decide: (
    exchange: Omit<Exchange, 'status'>,
    request: Request,
  ) => Promise<Response | null> | Response | null,
) {
  const handle = async (request: Request, id: string, op: Exchange['op']) => {
    // Only the studio's requests: the test's own reads of the originals pass untouched.
    if (request.headers.get('authorization') !== `Bearer ${STUDIO_KEY}`) return passthrough()
    const variant =
      op === 'content' ? (new URL(request.url).searchParams.get('variant') ?? 'video') : null
    const exchange = { at: Date.now(), id, op, variant }
    const answer = await decide(exchange, request)
    log.push({ ...exchange, status: answer ? answer.status : 'passed' })
    return answer ?? passthrough()
  }
  server.use(
    http.get(`${simulator.baseURL}/videos/:id`, ({ request, params }) =>
      handle(request, String(params.id), 'retrieve'),
    ),
    http.get(`${simulator.baseURL}/videos/:id/content`, ({ request, params }) =>
      handle(request, String(params.id), 'content'),
    ),
  )
}

describe('a provider rate-limiting reads in bursts', () => {
  it('completes every job, fails none, and waits as long as each Retry-After asks', async () => {
    const s = await start()
    const jobs = await createJobs(s, 3)
    const log: Exchange[] = []
    const t0 = Date.now()
    const videoTries = new Map<string, number>()
    interceptReads(log, ({ id, op, variant, at }) => {
      const tooMany = () =>
        HttpResponse.json(
          envelope(
            'Rate limit reached for requests per min (RPM).',
            'requests',
            'rate_limit_exceeded',
          ),
          {
            status: 429,
            headers: { 'retry-after': '1' },
          },
        )
      // Every read for 2.5 s: longer than the adapter's own three tries, so the watcher must wait too.
      if (at - t0 < 2500) return tooMany()
      if (op === 'retrieve' || variant !== 'video') return null
      // Then each take's first three video downloads: one archive attempt put off whole.
      const tries = (videoTries.get(id) ?? 0) + 1
      videoTries.set(id, tries)
      return tries <= 3 ? tooMany() : null
    })

    const { final, seen } = await followToTheEnd(s, jobs)
    expect(final.map((j) => j.status)).toEqual(['completed', 'completed', 'completed'])
    expect(seen.has('failed')).toBe(false)
    const refused = log.filter((e) => e.status === 429)
    expect(refused.filter((e) => e.op === 'retrieve').length).toBeGreaterThanOrEqual(3)
    // Three refusals in a row outlast the adapter's tries: the watcher itself had to wait.
    for (const job of final) {
      const videoReads = log.filter((e) => e.id === job.upstreamId && e.variant === 'video')
      expect(videoReads.slice(0, 3).map((e) => e.status)).toEqual([429, 429, 429])
    }
    for (const no of refused) {
      const next = log.find((e) => e.id === no.id && e.at > no.at)
      expect(next, `a read of ${no.id} after its 429`).toBeDefined()
      expect(
        (next?.at ?? 0) - no.at,
        `${no.op} of ${no.id} retried too soon`,
      ).toBeGreaterThanOrEqual(995)
    }
  })
})

describe('a provider failing reads with 5xx', () => {
  it('keeps polling and downloading through 500, 502, 503 and 504 answers, and completes every job', async () => {
    const s = await start()
    const jobs = await createJobs(s, 2)
    const log: Exchange[] = []
    const tries = new Map<string, number>()
    const faults = [
      () =>
        HttpResponse.json(
          envelope('The server had an error while processing your request.', 'server_error'),
          { status: 500 },
        ),
      () =>
        new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
      () =>
        HttpResponse.json(envelope('The engine is currently overloaded.', 'server_error'), {
          status: 503,
        }),
      () => new HttpResponse(null, { status: 504 }),
    ]
    interceptReads(log, ({ id, op, variant }) => {
      const key = `${op} ${id} ${variant ?? ''}`
      const n = (tries.get(key) ?? 0) + 1
      tries.set(key, n)
      // The first four polls and video downloads of each take (one more than the adapter's own
      // tries, so the watcher has to come back), and the first try of the other files.
      const limit = op === 'retrieve' || variant === 'video' ? 4 : 1
      return n <= limit ? (faults[(n - 1) % faults.length]?.() ?? null) : null
    })

    const { final, seen } = await followToTheEnd(s, jobs)
    expect(final.map((j) => j.status)).toEqual(['completed', 'completed'])
    expect(seen.has('failed')).toBe(false)
    for (const job of final) {
      const mine = log.filter((e) => e.id === job.upstreamId)
      expect(mine.filter((e) => e.op === 'retrieve' && e.status !== 'passed')).toHaveLength(4)
      expect(mine.filter((e) => e.op === 'content' && e.status !== 'passed')).toHaveLength(
        4 + 1 + 1,
      )
      const served = await s.app.inject({ method: 'GET', url: `/api/jobs/${job.id}/video` })
      expect(served.rawPayload.equals(await simulator.content(job.upstreamId ?? '', 'video'))).toBe(
        true,
      )
    }
  })
})

/** The real file, from the simulator behind msw. */
async function realBytes(request: Request): Promise<{ bytes: Buffer; type: string }> {
  const real = await fetch(bypass(request))
  return {
    bytes: Buffer.from(await real.arrayBuffer()),
    type: real.headers.get('content-type') ?? '',
  }
}

/** A body that sends `bytes` in `pieces` with `gapMs` between, then ends or breaks off. */
function trickle(bytes: Buffer, pieces: number, gapMs: number, end: 'close' | 'error' = 'close') {
  const size = Math.ceil(bytes.length / pieces)
  let sent = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= bytes.length) {
        if (end === 'error') controller.error(new TypeError('terminated: other side closed'))
        else controller.close()
        return
      }
      await sleep(gapMs)
      controller.enqueue(new Uint8Array(bytes.subarray(sent, sent + size)))
      sent += size
    },
  })
}

describe('slow and broken downloads', () => {
  it('takes its time over a slow download, with nothing in the job folder until the whole file lands', async () => {
    const s = await start()
    const [job] = await createJobs(s, 1)
    if (!job) throw new Error('no job')
    const log: Exchange[] = []
    let fullSize = 0
    interceptReads(log, async ({ variant }, request) => {
      if (variant !== 'video') return null
      const { bytes, type } = await realBytes(request)
      fullSize = bytes.length
      return new HttpResponse(trickle(bytes, 20, 75), {
        headers: { 'content-type': type, 'content-length': String(bytes.length) },
      })
    })

    // Sample the vault all along: a video in the job folder is only ever the whole file.
    let sampling = true
    let sawTemp = false
    const problems: string[] = []
    const sampler = (async () => {
      while (sampling) {
        const video = s.vault.pathOf(job.id, 'video')
        if (fs.existsSync(video) && fs.statSync(video).size !== fullSize) {
          problems.push(
            `video.mp4 in the job folder holds ${fs.statSync(video).size} of ${fullSize} bytes`,
          )
        }
        if (listFiles(s.vault.tempDir).some((f) => f.startsWith('video'))) sawTemp = true
        await sleep(10)
      }
    })()
    const started = Date.now()
    const { final, seen } = await followToTheEnd(s, [job])
    sampling = false
    await sampler
    expect(final[0]?.status).toBe('completed')
    expect(seen.has('failed')).toBe(false)
    expect(Date.now() - started).toBeGreaterThan(1500)
    expect(problems).toEqual([])
    expect(sawTemp).toBe(true)
    expect(listFiles(s.vault.tempDir)).toEqual([])
    expect(
      fs
        .readFileSync(s.vault.pathOf(job.id, 'video'))
        .equals(await simulator.content(final[0]?.upstreamId ?? '', 'video')),
    ).toBe(true)
  })

  it('never keeps a cut-off download: no partial file, a clean temp folder, and the take completes once a copy is whole', async () => {
    const s = await start()
    const [job] = await createJobs(s, 1)
    if (!job) throw new Error('no job')
    const log: Exchange[] = []
    const problems: string[] = []
    let videoTries = 0
    interceptReads(log, async ({ variant }, request) => {
      if (variant !== 'video') return null
      videoTries += 1
      // Before every try: what the failed tries left behind (nothing, or this test fails).
      if (fs.existsSync(s.vault.pathOf(job.id, 'video')))
        problems.push(`try ${videoTries}: video.mp4 in the job folder`)
      const temp = listFiles(s.vault.tempDir)
      if (temp.length > 0) problems.push(`try ${videoTries}: .tmp holds ${temp.join(', ')}`)
      const { bytes, type } = await realBytes(request)
      const headers = { 'content-type': type, 'content-length': String(bytes.length) }
      // 1: Content-Length says more than is sent. 2: the line drops mid-body. Then whole copies.
      if (videoTries === 1)
        return new HttpResponse(trickle(bytes.subarray(0, bytes.length >> 1), 4, 5), { headers })
      if (videoTries === 2)
        return new HttpResponse(trickle(bytes.subarray(0, bytes.length / 3), 4, 5, 'error'), {
          headers,
        })
      return null
    })

    const { final, seen } = await followToTheEnd(s, [job])
    expect(final[0]).toMatchObject({ status: 'completed', error: null })
    expect(seen.has('failed')).toBe(false)
    expect(problems).toEqual([])
    expect(listFiles(s.vault.tempDir)).toEqual([])
    const original = await simulator.content(final[0]?.upstreamId ?? '', 'video')
    const archived = fs.readFileSync(s.vault.pathOf(job.id, 'video'))
    expect(archived.equals(original), 'the archived video is the whole file').toBe(true)
    expect(videoTries).toBe(3)
    const sidecar = JSON.parse(fs.readFileSync(s.vault.pathOf(job.id, 'sidecar'), 'utf8')) as {
      files: { video: number }
    }
    expect(sidecar.files.video).toBe(original.length)
  })
})
