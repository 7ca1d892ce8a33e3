import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, makeSim, postVideo, type TestSim } from './testing/test-sim'

function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#0a0' } })
    .png()
    .toBuffer()
}

describe('simulator request errors', () => {
  let sim: TestSim
  beforeAll(async () => {
    sim = await makeSim({ timeScale: 50 })
  })
  afterAll(() => sim.cleanup())

  async function listCount(): Promise<number> {
    const res = await sim.app.inject({ method: 'GET', url: '/v1/videos?limit=100' })
    return res.json<{ data: unknown[] }>().data.length
  }

  const cases: Array<[string, Record<string, string>, number, string | null, string | null]> = [
    ['missing prompt', { model: 'sora-2' }, 400, 'prompt', 'missing_required_parameter'],
    ['empty prompt', { prompt: '' }, 400, 'prompt', 'empty_string'],
    ['prompt too long', { prompt: 'x'.repeat(32_001) }, 400, 'prompt', 'string_above_max_length'],
    ['seconds out of enum', { prompt: 'p', seconds: '5' }, 400, 'seconds', 'invalid_value'],
    ['size out of enum', { prompt: 'p', size: '640x480' }, 400, 'size', 'invalid_value'],
    ['sora-2 at a pro size', { prompt: 'p', size: '1024x1792' }, 400, 'size', 'invalid_value'],
    ['sora-2 at 1792x1024', { prompt: 'p', size: '1792x1024' }, 400, 'size', 'invalid_value'],
    ['unknown model', { prompt: 'p', model: 'sora-3' }, 404, 'model', 'model_not_found'],
    [
      'string input_reference',
      { prompt: 'p', input_reference: 'x' },
      400,
      'input_reference',
      'invalid_type',
    ],
    ['unknown parameter', { prompt: 'p', duration: '4' }, 400, 'duration', 'unknown_parameter'],
  ]

  it.each(cases)('%s -> %i', async (_name, fields, status, param, code) => {
    const before = await listCount()
    const res = await postVideo(sim.app, fields)
    expect(res.statusCode).toBe(status)
    expect(errorOf(res)).toMatchObject({ type: 'invalid_request_error', param, code })
    expect(typeof errorOf(res).message).toBe('string')
    expect(await listCount()).toBe(before)
  })

  it('says what was wrong, in the provider words', async () => {
    const res = await postVideo(sim.app, { prompt: 'p', seconds: '10' })
    expect(errorOf(res).message).toBe(
      "Invalid value: '10'. Supported values are: '4', '8', and '12'.",
    )
    const str = await postVideo(sim.app, { prompt: 'p', input_reference: 'abc' })
    expect(errorOf(str).message).toBe('input_reference must be a file')
  })

  it('refuses seconds sent as a JSON number, accepts the JSON body otherwise', async () => {
    const bad = await sim.app.inject({
      method: 'POST',
      url: '/v1/videos',
      payload: { prompt: 'json', seconds: 4 },
    })
    expect(bad.statusCode).toBe(400)
    expect(errorOf(bad)).toMatchObject({ param: 'seconds', code: 'invalid_type' })
    const good = await sim.app.inject({
      method: 'POST',
      url: '/v1/videos',
      payload: { prompt: 'json', seconds: '8', size: '1280x720' },
    })
    expect(good.statusCode).toBe(200)
    expect(good.json()).toMatchObject({ status: 'queued', seconds: '8', size: '1280x720' })
  })

  it('checks the reference image size and format', async () => {
    const wrong = await postVideo(
      sim.app,
      { prompt: 'ref', size: '1280x720' },
      { input_reference: { bytes: await png(720, 1280), filename: 'r.png', type: 'image/png' } },
    )
    expect(wrong.statusCode).toBe(400)
    expect(errorOf(wrong)).toMatchObject({ param: 'input_reference' })
    expect(errorOf(wrong).message).toBe('Inpaint image must match the requested width and height')

    const notImage = await postVideo(
      sim.app,
      { prompt: 'ref' },
      { input_reference: { bytes: Buffer.from('hello'), filename: 'r.png', type: 'image/png' } },
    )
    expect(notImage.statusCode).toBe(400)
    expect(errorOf(notImage).param).toBe('input_reference')

    const right = await postVideo(
      sim.app,
      { prompt: 'ref', size: '1280x720' },
      { input_reference: { bytes: await png(1280, 720), filename: 'r.png', type: 'image/png' } },
    )
    expect(right.statusCode).toBe(200)
  })

  it('answers 404 in the envelope for unknown ids and paths', async () => {
    for (const url of ['/v1/videos/video_0123456789abcdef0123', '/v1/videos/../etc']) {
      const res = await sim.app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(404)
      expect(errorOf(res)).toMatchObject({ type: 'invalid_request_error', code: null })
    }
    const res = await sim.app.inject({ method: 'GET', url: '/v1/videos/video_abc' })
    expect(errorOf(res).message).toBe("Video with id 'video_abc' not found.")
    const del = await sim.app.inject({ method: 'DELETE', url: '/v1/videos/video_abc' })
    expect(del.statusCode).toBe(404)
  })

  it('rejects bad list parameters', async () => {
    for (const query of ['limit=101', 'limit=-1', 'limit=abc', 'order=up']) {
      const res = await sim.app.inject({ method: 'GET', url: `/v1/videos?${query}` })
      expect(res.statusCode, query).toBe(400)
    }
  })
})

describe('simulator with an API key', () => {
  let sim: TestSim
  beforeAll(async () => {
    sim = await makeSim({ apiKey: 'sk-sim-secret-key' })
  })
  afterAll(() => sim.cleanup())

  it('answers 401 invalid_api_key without the right bearer key', async () => {
    for (const authorization of [undefined, 'Bearer sk-wrong-key-1234', 'Basic abc']) {
      const res = await sim.app.inject({
        method: 'GET',
        url: '/v1/videos',
        headers: authorization ? { authorization } : {},
      })
      expect(res.statusCode).toBe(401)
      expect(errorOf(res)).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' })
    }
    const wrong = await sim.app.inject({
      method: 'GET',
      url: '/v1/videos',
      headers: { authorization: 'Bearer sk-wrong-key-1234' },
    })
    expect(errorOf(wrong).message).toMatch(/^Incorrect API key provided/)
    expect(wrong.body).not.toContain('sk-wrong-key-1234')
    const ok = await sim.app.inject({
      method: 'GET',
      url: '/v1/videos',
      headers: { authorization: 'Bearer sk-sim-secret-key' },
    })
    expect(ok.statusCode).toBe(200)
  })
})
