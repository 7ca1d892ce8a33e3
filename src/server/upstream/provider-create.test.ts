import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { BASE, failure, input, KEY, server, upstream, useMswGateway } from '../testing/msw-gateway'

useMswGateway()

/** Create and remix against gateways: sent once, refusals in words. */

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
    const video = await upstream().create({ ...input, references: [reference] })

    expect(video).toEqual({
      id: 'video_69b25d5f',
      status: 'queued',
      unknownStatus: null,
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
  })
})

