import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { buffer } from 'node:stream/consumers'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../simulator/server'
import { createUpstream } from './create-upstream'
import { UpstreamError, type Upstream, type UpstreamVideo } from './types'

/** The adapter against the studio's own simulator, over real HTTP. */

const KEY = 'sim-test-key-7d3e1f0a'
let sim: RunningSimulator
let dataDir: string
let upstream: Upstream

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dailies-upstream-'))
  sim = await startSimulator({ dataDir, timeScale: 0, apiKey: KEY })
  upstream = createUpstream({ baseURL: sim.baseURL, apiKey: KEY, keyName: 'DAILIES_SIM_KEY' })
})

afterAll(async () => {
  await sim?.close()
  await rm(dataDir, { recursive: true, force: true })
})

async function settle(id: string, timeoutMs = 45_000): Promise<UpstreamVideo> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const video = await upstream.retrieve(id)
    if (video.status === 'completed' || video.status === 'failed') return video
    if (Date.now() > deadline) throw new Error(`video ${id} still ${video.status}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function failure(call: Promise<unknown>): Promise<UpstreamError> {
  const error = await call.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UpstreamError)
  return error as UpstreamError
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .png()
    .toBuffer()

let plain: UpstreamVideo
let referenced: UpstreamVideo
let remixed: UpstreamVideo

describe('against the simulator', () => {
  it('creates a video and follows it to completed', async () => {
    const prompt = 'A paper airplane glides across a desk.'
    const created = await upstream.create({ prompt, model: 'sora-2', size: '1280x720', seconds: 4 })
    expect(created).toMatchObject({ model: 'sora-2', size: '1280x720', seconds: 4, prompt })
    expect(['queued', 'in_progress']).toContain(created.status)
    expect(created.createdAt).toBeInstanceOf(Date)

    plain = await settle(created.id)
    expect(plain).toMatchObject({ id: created.id, status: 'completed', progress: 100, error: null })
    expect(plain.completedAt).toBeInstanceOf(Date)
    expect(plain.expiresAt!.getTime()).toBeGreaterThan(plain.completedAt!.getTime())
  })

  it('creates a video from a reference image of exactly the requested size', async () => {
    const reference = {
      bytes: await png(720, 1280),
      filename: 'reference.png',
      contentType: 'image/png',
    }
    const created = await upstream.create({
      prompt: 'A lighthouse at dusk, the beam sweeping over calm water.',
      model: 'sora-2',
      size: '720x1280',
      seconds: 4,
      references: [reference],
    })
    referenced = await settle(created.id)
    expect(referenced).toMatchObject({ status: 'completed', size: '720x1280', seconds: 4 })
  })

  it('passes on the refusal of a reference image of the wrong size, field included', async () => {
    const reference = {
      bytes: await png(640, 640),
      filename: 'square.png',
      contentType: 'image/png',
    }
    const input = { prompt: 'A square', model: 'sora-2', size: '720x1280', seconds: 4, references: [reference] }
    const error = await failure(upstream.create(input))
    expect(error.kind).toBe('invalid')
    expect(error.details).toMatchObject({ status: 400, param: 'input_reference' })
    expect(error.message).toContain('must match the requested width and height')
  })

  it('downloads all three variants as streams of the right kind', async () => {
    const video = await upstream.download(plain.id, 'video')
    const mp4 = await buffer(video.body)
    expect(video.contentType).toBe('video/mp4')
    expect(video.contentLength).toBe(mp4.length)
    expect(mp4.subarray(4, 8).toString('latin1')).toBe('ftyp')

    const thumbnail = await upstream.download(plain.id, 'thumbnail')
    const webp = await buffer(thumbnail.body)
    expect(thumbnail.contentType).toBe('image/webp')
    expect(webp.subarray(0, 4).toString('latin1')).toBe('RIFF')
    expect(webp.subarray(8, 12).toString('latin1')).toBe('WEBP')

    const spritesheet = await upstream.download(plain.id, 'spritesheet')
    const jpeg = await buffer(spritesheet.body)
    expect(spritesheet.contentType).toBe('image/jpeg')
    expect([...jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8])
  })

  it('remixes a completed video: a new job linked to its source, size and seconds inherited', async () => {
    const created = await upstream.remix(referenced.id, 'The same lighthouse, now in a storm.')
    expect(created.id).not.toBe(referenced.id)
    expect(created).toMatchObject({
      remixedFromId: referenced.id,
      size: '720x1280',
      seconds: 4,
      prompt: 'The same lighthouse, now in a storm.',
    })
    remixed = await settle(created.id)
    expect(remixed).toMatchObject({ status: 'completed', remixedFromId: referenced.id })
  })

  it('reports a moderation failure as a failed job with its code, and its content as not ready', async () => {
    const created = await upstream.create({
      prompt: 'A crowd scene [sim:moderation]',
      model: 'sora-2',
      size: '1280x720',
      seconds: 4,
    })
    const failed = await settle(created.id)
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'moderation_blocked' } })
    expect((await failure(upstream.download(failed.id, 'video'))).kind).toBe('conflict')
    expect((await failure(upstream.remix(failed.id, 'again'))).kind).toBe('conflict')
  })

  it('pages through the list with after, limit and order', async () => {
    const all = await upstream.list({ limit: 100, order: 'asc' })
    const ids = all.data.map((v) => v.id)
    expect(ids.length).toBeGreaterThanOrEqual(4)
    expect(ids).toEqual(expect.arrayContaining([plain.id, referenced.id, remixed.id]))
    expect(all.hasMore).toBe(false)

    const paged: string[] = []
    let after: string | undefined
    for (;;) {
      const page = await upstream.list({ limit: 2, order: 'asc', after })
      expect(page.data.length).toBeLessThanOrEqual(2)
      paged.push(...page.data.map((v) => v.id))
      expect(page.lastId).toBe(page.data.at(-1)?.id ?? null)
      if (!page.hasMore) break
      after = page.lastId ?? undefined
    }
    expect(paged).toEqual(ids)

    const newest = await upstream.list({ limit: 1, order: 'desc' })
    expect(newest.data.map((v) => v.id)).toEqual([ids.at(-1)])
    expect(newest.hasMore).toBe(true)
  })

  it('deletes a finished video, after which the provider no longer knows it', async () => {
    await upstream.delete(plain.id)
    expect((await failure(upstream.retrieve(plain.id))).kind).toBe('not_found')
    expect((await failure(upstream.download(plain.id, 'video'))).kind).toBe('not_found')
    expect((await failure(upstream.delete(plain.id))).kind).toBe('not_found')
  })
})

describe('simulator refusals', () => {
  const base = { prompt: 'A calm sea', model: 'sora-2', size: '1280x720', seconds: 4 }

  it('reports an unknown model as model_unavailable', async () => {
    const error = await failure(upstream.create({ ...base, model: 'sora-9' }))
    expect(error.kind).toBe('model_unavailable')
    expect(error.message).toBe(
      'The provider does not offer sora-9 (it may have been retired). Try another model or provider.',
    )
  })

  it('sends a rate-limited create once and hands back the wait the provider asked for', async () => {
    const error = await failure(upstream.create({ ...base, prompt: 'Busy [sim:429]' }))
    expect(error.kind).toBe('rate_limited')
    expect(error.details).toMatchObject({
      status: 429,
      retryAfterMs: 2000,
      code: 'rate_limit_exceeded',
    })
    const before = (await upstream.list({ limit: 100 })).data.length
    await failure(upstream.create({ ...base, prompt: 'Busy [sim:429]' }))
    expect((await upstream.list({ limit: 100 })).data.length).toBe(before)
  })

  it('reports a 500 on create as unavailable', async () => {
    const error = await failure(upstream.create({ ...base, prompt: 'Oops [sim:500]' }))
    expect(error.kind).toBe('unavailable')
  })

  it('reports a lost job as not_found', async () => {
    const created = await upstream.create({ ...base, prompt: 'Gone [sim:lost]' })
    await sim.app.simulator.idle()
    expect((await failure(upstream.retrieve(created.id))).kind).toBe('not_found')
  })

  it('reports a wrong key as auth, without the key', async () => {
    const wrong = 'sim-wrong-key-123456789'
    const other = createUpstream({
      baseURL: sim.baseURL,
      apiKey: wrong,
      keyName: 'DAILIES_SIM_KEY',
    })
    const error = await failure(other.retrieve(plain.id))
    expect(error.kind).toBe('auth')
    expect(error.message).toBe('The provider refused the API key (401). Check DAILIES_SIM_KEY.')
    expect(JSON.stringify([error.message, error.details])).not.toContain(wrong.slice(-4))
  })
})
