import { HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { providerError, startFaultyProvider, type FaultyProvider } from '../testing/faulty-provider'

/**
 * A provider refusing reads for a while, as real ones do: rate limits in bursts, 5xx of every
 * kind. msw answers in its place in front of a real simulator. No job may fail, none may be
 * polled sooner than the provider asked, and every take is archived whole.
 */

const server = setupServer()
let provider: FaultyProvider | null = null
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }))
afterEach(async () => {
  await provider?.close()
  provider = null
})
afterAll(() => server.close())

describe('a provider rate-limiting reads in bursts', () => {
  it('completes every job, fails none, and waits as long as each Retry-After asks', async () => {
    const p = (provider = await startFaultyProvider(server))
    const jobs = await p.createJobs(3)
    const t0 = Date.now()
    const videoTries = new Map<string, number>()
    const tooMany = () =>
      HttpResponse.json(
        providerError(
          'Rate limit reached for requests per min (RPM).',
          'requests',
          'rate_limit_exceeded',
        ),
        {
          status: 429,
          headers: { 'retry-after': '1' },
        },
      )
    p.onRead(({ id, op, variant, at }) => {
      // Every read for 2.5 s: longer than the adapter's own three tries, so the watcher must wait too.
      if (at - t0 < 2500) return tooMany()
      if (op === 'retrieve' || variant !== 'video') return null
      // Then each take's first three video downloads: one archive attempt put off whole.
      const tries = (videoTries.get(id) ?? 0) + 1
      videoTries.set(id, tries)
      return tries <= 3 ? tooMany() : null
    })

    const { final, seen } = await p.followToTheEnd(jobs)
    expect(final.map((j) => j.status)).toEqual(['completed', 'completed', 'completed'])
    expect(seen.has('failed')).toBe(false)
    const refused = p.reads.filter((e) => e.status === 429)
    expect(refused.filter((e) => e.op === 'retrieve').length).toBeGreaterThanOrEqual(3)
    // Three refusals in a row outlast the adapter's tries: the watcher itself had to wait.
    for (const job of final) {
      const videoReads = p.reads.filter((e) => e.id === job.upstreamId && e.variant === 'video')
      expect(videoReads.slice(0, 3).map((e) => e.status)).toEqual([429, 429, 429])
    }
    for (const no of refused) {
      const next = p.reads.find((e) => e.id === no.id && e.at > no.at)
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
    const p = (provider = await startFaultyProvider(server))
    const jobs = await p.createJobs(2)
    const tries = new Map<string, number>()
    const faults = [
      () =>
        HttpResponse.json(
          providerError('The server had an error while processing your request.', 'server_error'),
          { status: 500 },
        ),
      () =>
        new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
      () =>
        HttpResponse.json(providerError('The engine is currently overloaded.', 'server_error'), {
          status: 503,
        }),
      () => new HttpResponse(null, { status: 504 }),
    ]
    p.onRead(({ id, op, variant }) => {
      const key = `${op} ${id} ${variant ?? ''}`
      const n = (tries.get(key) ?? 0) + 1
      tries.set(key, n)
      // The first four polls and video downloads of each take (one more than the adapter's own
      // tries, so the watcher has to come back), and the first try of the other files.
      const limit = op === 'retrieve' || variant === 'video' ? 4 : 1
      return n <= limit ? (faults[(n - 1) % faults.length]?.() ?? null) : null
    })

    const { final, seen } = await p.followToTheEnd(jobs)
    expect(final.map((j) => j.status)).toEqual(['completed', 'completed'])
    expect(seen.has('failed')).toBe(false)
    for (const job of final) {
      const mine = p.reads.filter((e) => e.id === job.upstreamId)
      expect(mine.filter((e) => e.op === 'retrieve' && e.status !== 'passed')).toHaveLength(4)
      expect(mine.filter((e) => e.op === 'content' && e.status !== 'passed')).toHaveLength(
        4 + 1 + 1,
      )
      const served = await p.studio.app.inject({ method: 'GET', url: `/api/jobs/${job.id}/video` })
      const original = await p.simulator.content(job.upstreamId ?? '', 'video')
      expect(served.rawPayload.equals(original), 'the archived video is the provider’s').toBe(true)
    }
  })
})
