import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { BASE, failure, server, upstream, useMswGateway } from '../testing/msw-gateway'
import { STATUS_WORDS, mapStatus } from './wire'

useMswGateway()

/** CometAPI's reply to a Veo create, as its docs show it. */
const COMET_VEO_REPLY = {
  created_at: 1773297229,
  id: 'task_pa9CKKtYlTdxO7IIHOKKhXfjxEu4EQoR',
  model: 'veo_3_1-4K',
  object: 'video',
  progress: 0,
  seconds: '',
  size: '16x9',
  status: 'queued',
}

const png = (marker: string) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(marker)])

describe('Veo through CometAPI’s /v1/videos', () => {
  it('sends two ordered input_reference files and no seconds, and reads the alias resolution, "" seconds and a task_ id', async () => {
    let form: FormData | null = null
    server.use(
      http.post(`${BASE}/videos`, async ({ request }) => {
        form = await request.formData()
        return HttpResponse.json(COMET_VEO_REPLY)
      }),
    )
    const video = await upstream().create({
      prompt: 'A paper kite floats above a field.',
      model: 'veo3.1',
      size: '16x9',
      seconds: null,
      references: [
        { bytes: png('first'), filename: 'first-frame.png', contentType: 'image/png' },
        { bytes: png('last'), filename: 'last-frame.png', contentType: 'image/png' },
      ],
    })
    expect(video).toMatchObject({
      id: COMET_VEO_REPLY.id,
      model: 'veo_3_1-4K',
      seconds: null,
      size: '16x9',
      status: 'queued',
    })
    const sent = form as FormData | null
    expect(sent?.get('model')).toBe('veo3.1')
    expect(sent?.get('size')).toBe('16x9')
    expect(sent?.has('seconds')).toBe(false)
    const files = (sent?.getAll('input_reference') ?? []) as File[]
    expect(files.map((f) => f.name)).toEqual(['first-frame.png', 'last-frame.png'])
    const bodies = await Promise.all(
      files.map(async (f) =>
        Buffer.from(await f.arrayBuffer())
          .subarray(4)
          .toString(),
      ),
    )
    expect(bodies).toEqual(['first', 'last'])
  })

  it('passes on the gateway’s refusal of a reference, field included', async () => {
    server.use(
      http.post(`${BASE}/videos`, () =>
        HttpResponse.json(
          {
            error: {
              message: 'too many input_reference files',
              type: 'comet_api_error',
              param: 'input_reference',
              code: '',
            },
          },
          { status: 400 },
        ),
      ),
    )
    const error = await failure(
      upstream().create({ prompt: 'p', model: 'veo3', size: '9x16', references: [] }),
    )
    expect(error.kind).toBe('invalid')
    expect(error.details.param).toBe('input_reference')
  })
})

describe('gateway status words', () => {
  it.each([
    ['NOT_START', 'queued'],
    ['queued', 'queued'],
    ['Pending', 'queued'],
    ['running', 'in_progress'],
    ['IN_PROGRESS', 'in_progress'],
    ['processing', 'in_progress'],
    ['SUCCESS', 'completed'],
    ['succeeded', 'completed'],
    ['completed', 'completed'],
    ['FAILURE', 'failed'],
    ['error', 'failed'],
    ['cancelled', 'cancelled'],
    ['CANCELED', 'cancelled'],
    ['expired', 'failed'],
  ])('reads %s as %s when polling', async (word, status) => {
    server.use(
      http.get(`${BASE}/videos/:id`, ({ params }) =>
        HttpResponse.json({ ...COMET_VEO_REPLY, id: params.id, status: word }),
      ),
    )
    const video = await upstream().retrieve('task_abc')
    expect(video.status).toBe(status)
    expect(video.unknownStatus).toBeNull()
    if (word === 'expired')
      expect(video.error?.message).toMatch(/The provider discarded this video/)
  })

  it('knows every spelling it lists, in any case', () => {
    for (const word of Object.keys(STATUS_WORDS)) {
      expect(mapStatus(word.toUpperCase(), false).known).toBe(true)
    }
  })

  it('reads an unknown word as in progress and names it', async () => {
    server.use(
      http.get(`${BASE}/videos/:id`, () =>
        HttpResponse.json({ ...COMET_VEO_REPLY, status: 'WARMING_UP' }),
      ),
    )
    const video = await upstream().retrieve('task_abc')
    expect(video).toMatchObject({ status: 'in_progress', unknownStatus: 'WARMING_UP' })
  })
})

describe('model discovery (GET /v1/models)', () => {
  it('lists the ids the gateway serves', async () => {
    server.use(
      http.get(`${BASE}/models`, () =>
        HttpResponse.json({
          object: 'list',
          data: [{ id: 'veo3.1' }, { id: 'sora-2' }, { nope: 1 }],
        }),
      ),
    )
    expect(await upstream().listModels()).toEqual(['veo3.1', 'sora-2'])
  })

  it('says nothing (null) when the gateway has no such endpoint', async () => {
    server.use(
      http.get(`${BASE}/models`, () =>
        HttpResponse.json({ error: { message: 'Not found' } }, { status: 404 }),
      ),
    )
    expect(await upstream().listModels()).toBeNull()
  })

  it('fails with a plain error when the endpoint breaks or answers a web page', async () => {
    server.use(
      http.get(`${BASE}/models`, () =>
        HttpResponse.json({ error: { message: 'boom' } }, { status: 500 }),
      ),
    )
    expect((await failure(upstream().listModels())).kind).toBe('unavailable')
    server.use(
      http.get(
        `${BASE}/models`,
        () => new HttpResponse('<html>login</html>', { headers: { 'content-type': 'text/html' } }),
      ),
    )
    expect((await failure(upstream().listModels())).kind).toBe('bad_response')
    server.use(http.get(`${BASE}/models`, () => HttpResponse.json({ models: 'all of them' })))
    expect((await failure(upstream().listModels())).kind).toBe('bad_response')
  })

  it('cancels through DELETE /videos/{id}, and reports a refusal', async () => {
    let deleted = ''
    server.use(
      http.delete(`${BASE}/videos/:id`, ({ params }) => {
        deleted = String(params.id)
        return HttpResponse.json({ id: params.id, object: 'video.deleted', deleted: true })
      }),
    )
    await upstream().delete('task_abc')
    expect(deleted).toBe('task_abc')
    server.use(
      http.delete(`${BASE}/videos/:id`, () =>
        HttpResponse.json(
          { error: { message: 'Video is still in_progress', code: 'video_not_ready' } },
          { status: 400 },
        ),
      ),
    )
    expect((await failure(upstream().delete('task_abc'))).kind).not.toBe('not_found')
  })
})
