import net from 'node:net'
import { text } from 'node:stream/consumers'
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { BASE, failure, server, upstream, useMswGateway } from '../testing/msw-gateway'
import { UpstreamError } from './types'

useMswGateway()

/** Reading, retrying, timing out and downloading against gateways the simulator cannot play. */

describe('reading replies', () => {
  it("reads a gateway's status 'error' as a failed job with its error", async () => {
    server.use(
      http.get(`${BASE}/videos/video_1`, () =>
        HttpResponse.json({
          id: 'video_1',
          object: 'video',
          status: 'error',
          progress: 30,
          error: {
            code: 'moderation_blocked',
            message: 'Your request was blocked by our moderation system.',
          },
        }),
      ),
    )
    const video = await upstream().retrieve('video_1')
    expect(video.status).toBe('failed')
    expect(video.error).toEqual({
      code: 'moderation_blocked',
      kind: 'moderation',
      message: 'Your request was blocked by our moderation system.',
    })
  })

  it('answers bad_response when a misconfigured base URL redirects to a web page', async () => {
    server.use(
      http.get(`${BASE}/videos/video_1`, () =>
        HttpResponse.html('<html><body>Moved</body></html>', {
          status: 301,
          headers: { location: 'https://gateway.test/welcome' },
        }),
      ),
      http.get('https://gateway.test/welcome', () =>
        HttpResponse.html('<!doctype html><h1>Welcome</h1>'),
      ),
    )
    const error = await failure(upstream().retrieve('video_1'))
    expect(error.kind).toBe('bad_response')
    expect(error.message).toBe(
      "The provider answered with a web page instead of the API's JSON (HTTP 200) — check DAILIES_UPSTREAM_URL (now https://gateway.test/v1).",
    )
  })

  it('answers bad_response for JSON that is not a video', async () => {
    server.use(http.get(`${BASE}/videos/video_1`, () => HttpResponse.json({ ok: true })))
    expect((await failure(upstream().retrieve('video_1'))).kind).toBe('bad_response')
  })

  it('answers not_found for a video the provider does not know', async () => {
    server.use(
      http.get(`${BASE}/videos/video_gone`, () =>
        HttpResponse.json({ error: { message: 'Video not found', code: null } }, { status: 404 }),
      ),
    )
    const error = await failure(upstream().retrieve('video_gone'))
    expect(error.kind).toBe('not_found')
    expect(error.message).toBe(
      'The provider does not know video video_gone (it may have been deleted or has expired).',
    )
  })
})

// The adapter makes one request per call and never waits: the watcher schedules the next read
// from retryAfterMs (jobs/retry-policy.ts), holding no polling slot meanwhile.
describe('a refused read', () => {
  it("is one request that hands the provider's Retry-After to the caller", async () => {
    let calls = 0
    server.use(
      http.get(`${BASE}/videos/video_1`, () => {
        calls++
        if (calls === 1) {
          return HttpResponse.json(
            { error: { message: 'Slow down' } },
            { status: 429, headers: { 'retry-after': '2' } },
          )
        }
        return HttpResponse.json({ id: 'video_1', status: 'in_progress', progress: 40 })
      }),
    )
    const error = await failure(upstream().retrieve('video_1'))
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, details: { retryAfterMs: 2000 } })
    expect(calls).toBe(1)
    expect(await upstream().retrieve('video_1')).toMatchObject({ status: 'in_progress', progress: 40 })
  })

  it('reads retry-after-ms, and reports a 502 as retryable without a hint', async () => {
    let calls = 0
    server.use(
      http.get(`${BASE}/videos`, () => {
        calls++
        if (calls === 1)
          return new HttpResponse(null, { status: 429, headers: { 'retry-after-ms': '750' } })
        if (calls === 2) return new HttpResponse('Bad gateway', { status: 502 })
        return HttpResponse.json({ object: 'list', data: [], has_more: false })
      }),
    )
    expect((await failure(upstream().list({ limit: 5 }))).details.retryAfterMs).toBe(750)
    const gateway = await failure(upstream().list({ limit: 5 }))
    expect(gateway).toMatchObject({ kind: 'unavailable', retryable: true })
    expect(gateway.details.retryAfterMs).toBeUndefined()
    expect(calls).toBe(2)
  })

  it('hands a long Retry-After back to the caller as rate_limited with retryAfterMs', async () => {
    server.use(
      http.get(`${BASE}/videos/video_1`, () =>
        HttpResponse.json(
          { error: { message: 'Rate limit reached' } },
          { status: 429, headers: { 'retry-after': '120' } },
        ),
      ),
    )
    const error = await failure(upstream().retrieve('video_1'))
    expect(error.kind).toBe('rate_limited')
    expect(error.details.retryAfterMs).toBe(120_000)
    expect(error.message).toBe(
      'The provider is rate-limiting requests (429) and asks to wait 120 s.',
    )
  })

  it('reports a closed port as unreachable', async () => {
    const port = await closedPort()
    const error = await failure(upstream(`http://127.0.0.1:${port}/v1`).retrieve('video_1'))
    expect(error.kind).toBe('unavailable')
    expect(error.message).toBe(
      `Could not reach the provider at 127.0.0.1:${port} (connection refused — is it running?). Check DAILIES_UPSTREAM_URL and the network.`,
    )
  })
})

describe('time and cancellation', () => {
  it('gives up on a provider that never answers, saying how long it waited', async () => {
    server.use(http.get(`${BASE}/videos/video_1`, () => delay('infinite')))
    const error = await failure(upstream(BASE, 1000).retrieve('video_1'))
    expect(error.kind).toBe('unavailable')
    expect(error.message).toBe(
      'The provider at gateway.test did not answer within 1 s. Try again later.',
    )
  })

  it("rejects with the caller's abort reason, not as a provider fault", async () => {
    server.use(http.get(`${BASE}/videos/video_1`, () => delay('infinite')))
    const controller = new AbortController()
    const call = upstream().retrieve('video_1', controller.signal)
    setTimeout(() => controller.abort(), 20)
    const error = await call.catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(UpstreamError)
    expect((error as Error).name).toBe('AbortError')
  })

  it('sends a delete once and reports a gateway timeout as retryable trouble', async () => {
    let calls = 0
    server.use(
      http.delete(`${BASE}/videos/video_1`, () => {
        calls++
        return new HttpResponse(null, { status: 504 })
      }),
    )
    const error = await failure(upstream().delete('video_1'))
    expect(error).toMatchObject({ kind: 'unavailable', retryable: true })
    expect(calls).toBe(1)
  })
})

describe('download', () => {
  it('follows a redirect to another host and streams the bytes, without sending the key there', async () => {
    let authorizationThere: string | null = 'unset'
    server.use(
      http.get(`${BASE}/videos/video_1/content`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('variant')).toBe('thumbnail')
        return new HttpResponse(null, {
          status: 302,
          headers: { location: 'https://files.cdn.test/signed/video_1.webp?sig=abc' },
        })
      }),
      http.get('https://files.cdn.test/signed/video_1.webp', ({ request }) => {
        authorizationThere = request.headers.get('authorization')
        return new HttpResponse('RIFF0000WEBPVP8 ', {
          headers: { 'content-type': 'image/webp', 'content-length': '16' },
        })
      }),
    )
    const content = await upstream().download('video_1', 'thumbnail')
    expect(content.contentType).toBe('image/webp')
    expect(content.contentLength).toBe(16)
    expect(await text(content.body)).toBe('RIFF0000WEBPVP8 ')
    expect(authorizationThere).toBeNull()
  })

  it('answers not_found for a variant the provider does not have', async () => {
    server.use(
      http.get(`${BASE}/videos/video_1/content`, () =>
        HttpResponse.json({ error: { message: 'No spritesheet for this video' } }, { status: 404 }),
      ),
    )
    const error = await failure(upstream().download('video_1', 'spritesheet'))
    expect(error.kind).toBe('not_found')
    expect(error.message).toBe(
      'The provider has no spritesheet for video video_1 (it may have been deleted or has expired).',
    )
  })

  it('answers conflict when the video is not finished yet', async () => {
    server.use(
      http.get(`${BASE}/videos/video_1/content`, () =>
        HttpResponse.json(
          { error: { message: 'Video is not ready yet, still processing.' } },
          { status: 400 },
        ),
      ),
    )
    expect((await failure(upstream().download('video_1', 'video'))).kind).toBe('conflict')
  })
})

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}
