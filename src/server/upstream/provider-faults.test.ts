import net from 'node:net'
import { text } from 'node:stream/consumers'
import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createUpstream, type UpstreamLogger } from './create-upstream'
import { UpstreamError } from './types'

/** Provider behaviour the simulator cannot show, mocked at the network edge with msw. */

const BASE = 'https://gateway.test/v1'
const KEY = 'sk-test-SECRET-4f9a8b7c6d5e'
const server = setupServer()
const logged: unknown[] = []
const errors: UpstreamError[] = []
const sleeps: number[] = []

const logger: UpstreamLogger = {
  warn: (...args) => void logged.push(args),
  info: (...args) => void logged.push(args),
  debug: (...args) => void logged.push(args),
}

function upstream(baseURL = BASE, timeoutMs?: number) {
  return createUpstream({
    baseURL,
    timeoutMs,
    apiKey: KEY,
    logger,
    keyName: 'COMETAPI_KEY',
    sleep: (ms) => {
      sleeps.push(ms)
      return Promise.resolve()
    },
    random: () => 0.5,
  })
}

/** Runs `call`, expecting an UpstreamError, and keeps it for the no-key-anywhere check. */
async function failure(call: Promise<unknown>): Promise<UpstreamError> {
  const error = await call.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UpstreamError)
  errors.push(error as UpstreamError)
  return error as UpstreamError
}

const input = {
  prompt: 'A paper airplane glides across a desk.',
  model: 'sora-2',
  size: '1280x720',
  seconds: 8,
}

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }))
afterEach(() => {
  server.resetHandlers()
  sleeps.length = 0
})
afterAll(() => {
  server.close()
  // Every error message and log line of this file, searched for the key at once.
  const everything = JSON.stringify([errors.map((e) => [e.message, e.details]), logged])
  expect(everything).not.toContain(KEY)
  expect(errors.length).toBeGreaterThan(8)
})

describe('create', () => {
  it("parses CometAPI's partial create reply, and sends seconds as a string and the reference as a file", async () => {
    let form: FormData | undefined
    server.use(
      http.post(`${BASE}/videos`, async ({ request }) => {
        expect(request.headers.get('authorization')).toBe(`Bearer ${KEY}`)
        form = await request.formData()
        return HttpResponse.json({
          created_at: 1773296991,
          id: 'video_69b25d5f',
          model: 'sora-2',
          object: 'video',
          progress: 0,
          seconds: '8',
          size: '1280x720',
          status: 'queued',
          quality: 'standard',
          video_url: null,
        })
      }),
    )
    const reference = {
      bytes: Buffer.from('fake png'),
      filename: 'ref.png',
      contentType: 'image/png',
    }
    const video = await upstream().create({ ...input, reference })

    expect(video).toEqual({
      id: 'video_69b25d5f',
      status: 'queued',
      progress: 0,
      model: 'sora-2',
      size: '1280x720',
      seconds: 8,
      prompt: null,
      createdAt: new Date(1773296991 * 1000),
      completedAt: null,
      expiresAt: null,
      remixedFromId: null,
      error: null,
    })
    expect(form?.get('seconds')).toBe('8')
    expect(form?.get('prompt')).toBe(input.prompt)
    const file = form?.get('input_reference')
    expect(file).toBeInstanceOf(File)
    expect((file as File).name).toBe('ref.png')
    expect((file as File).type).toBe('image/png')
  })

  it('sends a create that meets a 500 exactly once and reports the provider unavailable', async () => {
    let calls = 0
    server.use(
      http.post(`${BASE}/videos`, () => {
        calls++
        return HttpResponse.json(
          { error: { message: 'Internal error', type: 'server_error' } },
          { status: 500 },
        )
      }),
    )
    const error = await failure(upstream().create(input))
    expect(error.kind).toBe('unavailable')
    expect(error.message).toBe(
      'The provider is having trouble (500): Internal error. Try again later.',
    )
    expect(calls).toBe(1)
    expect(sleeps).toEqual([])
  })

  it('sends a remix that meets a 503 exactly once', async () => {
    let calls = 0
    server.use(
      http.post(`${BASE}/videos/:id/remix`, () => {
        calls++
        return new HttpResponse(null, { status: 503 })
      }),
    )
    expect((await failure(upstream().remix('video_1', 'again'))).kind).toBe('unavailable')
    expect(calls).toBe(1)
  })

  it('reports a model the provider does not serve as model_unavailable, with a plain message', async () => {
    server.use(
      http.post(`${BASE}/videos`, () =>
        HttpResponse.json(
          {
            error: {
              message: 'The model `sora-2-pro` does not exist or you do not have access to it.',
              type: 'invalid_request_error',
              param: null,
              code: 'model_not_found',
            },
          },
          { status: 404 },
        ),
      ),
    )
    const error = await failure(upstream().create({ ...input, model: 'sora-2-pro' }))
    expect(error.kind).toBe('model_unavailable')
    expect(error.message).toBe(
      'The provider does not offer sora-2-pro (it may have been retired). Try another model or provider.',
    )
    expect(error.details).toMatchObject({ status: 404, code: 'model_not_found' })
  })

  it("recognises a gateway's 'no channel for this model' (503, request id inside the message)", async () => {
    server.use(
      http.post(`${BASE}/videos`, () =>
        HttpResponse.json(
          {
            error: {
              message:
                'No available channel for model sora-2-pro under group default (request id: 20260312062951abc123)',
              type: 'comet_api_error',
              code: '',
            },
          },
          { status: 503 },
        ),
      ),
    )
    const error = await failure(upstream().create({ ...input, model: 'sora-2-pro' }))
    expect(error.kind).toBe('model_unavailable')
    expect(error.details.requestId).toBe('20260312062951abc123')
    expect(error.retryable).toBe(false)
  })

  it("keeps a 400's message, param and code, and takes CometAPI's request id out of the message", async () => {
    let calls = 0
    server.use(
      http.post(`${BASE}/videos`, () => {
        calls++
        return HttpResponse.json(
          {
            error: {
              message:
                'Inpaint image must match the requested width and height (request id: 2026031206295112345)',
              type: 'comet_api_error',
              param: 'input_reference',
              code: 'invalid_value',
            },
          },
          { status: 400 },
        )
      }),
    )
    const error = await failure(upstream().create(input))
    expect(error.kind).toBe('invalid')
    expect(error.message).toBe(
      'The provider refused the request: Inpaint image must match the requested width and height (field: input_reference).',
    )
    expect(error.details).toMatchObject({
      status: 400,
      code: 'invalid_value',
      param: 'input_reference',
      requestId: '2026031206295112345',
    })
    expect(calls).toBe(1)
  })

  it('says the key was refused on a 401 without repeating what the provider echoed of it', async () => {
    server.use(
      http.post(`${BASE}/videos`, () =>
        HttpResponse.json(
          {
            error: {
              message: `Incorrect API key provided: ${KEY}.`,
              type: 'invalid_request_error',
              code: 'invalid_api_key',
            },
          },
          { status: 401, headers: { 'x-request-id': 'req_401' } },
        ),
      ),
    )
    const error = await failure(upstream().create(input))
    expect(error.kind).toBe('auth')
    expect(error.message).toBe('The provider refused the API key (401). Check COMETAPI_KEY.')
    expect(error.details).toMatchObject({
      status: 401,
      requestId: 'req_401',
      code: 'invalid_api_key',
    })
  })

  it('passes on a 403 reason with the key redacted', async () => {
    server.use(
      http.get(`${BASE}/videos/:id`, () =>
        HttpResponse.json(
          { error: { message: `Key ${KEY} has no access to the video API` } },
          { status: 403 },
        ),
      ),
    )
    const error = await failure(upstream().retrieve('video_1'))
    expect(error.kind).toBe('auth')
    expect(error.message).toContain('[redacted]')
    expect(sleeps).toEqual([])
  })
})

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
    expect(sleeps).toEqual([])
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

describe('retries', () => {
  it('honours Retry-After on a read, then succeeds on the second request', async () => {
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
    const video = await upstream().retrieve('video_1')
    expect(video).toMatchObject({ status: 'in_progress', progress: 40 })
    expect(calls).toBe(2)
    expect(sleeps).toEqual([2000])
  })

  it('honours retry-after-ms, and backs off with jitter when the provider gives no hint', async () => {
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
    await upstream().list({ limit: 5 })
    expect(calls).toBe(3)
    // 750 from the header; then half (random 0.5) of base 500 · 2 = 500.
    expect(sleeps).toEqual([750, 500])
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
      'The provider is rate-limiting requests (429); it asks to wait 120 s. Try again shortly.',
    )
    expect(sleeps).toEqual([])
  })

  it('reports a closed port as unreachable after retrying', async () => {
    const port = await closedPort()
    const error = await failure(upstream(`http://127.0.0.1:${port}/v1`).retrieve('video_1'))
    expect(error.kind).toBe('unavailable')
    expect(error.message).toBe(
      `Could not reach the provider at 127.0.0.1:${port} (connection refused — is it running?). Check DAILIES_UPSTREAM_URL and the network.`,
    )
    expect(sleeps).toHaveLength(2)
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
    expect(sleeps).toHaveLength(2)
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

  it('counts a delete whose retry finds the video gone as done', async () => {
    let calls = 0
    server.use(
      http.delete(`${BASE}/videos/video_1`, () => {
        calls++
        if (calls === 1) return new HttpResponse(null, { status: 504 })
        return HttpResponse.json({ error: { message: 'Video not found' } }, { status: 404 })
      }),
    )
    await expect(upstream().delete('video_1')).resolves.toBeUndefined()
    expect(calls).toBe(2)
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
