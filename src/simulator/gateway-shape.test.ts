import path from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { frameColour } from '../lib/testing/media-probe'
import { errorOf, makeSim, type TestSim } from './testing/test-sim'
import type { VideoResource } from './video'

const solid = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer()

async function postForm(sim: TestSim, fields: Record<string, string>, images: Buffer[] = []) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  images.forEach((bytes, i) =>
    form.append(
      'input_reference',
      new Blob([new Uint8Array(bytes)], { type: 'image/png' }),
      `ref${i}.png`,
    ),
  )
  const encoded = new Response(form)
  const payload = Buffer.from(await encoded.arrayBuffer())
  const headers = { 'content-type': encoded.headers.get('content-type') ?? '' }
  return sim.app.inject({ method: 'POST', url: '/v1/videos', payload, headers })
}

async function settle(sim: TestSim, id: string, terminal: string[]): Promise<VideoResource[]> {
  const seen: VideoResource[] = []
  const deadline = Date.now() + 40_000
  for (;;) {
    const video = (
      await sim.app.inject({ method: 'GET', url: `/v1/videos/${id}` })
    ).json<VideoResource>()
    seen.push(video)
    if (terminal.includes(video.status)) return seen
    if (Date.now() > deadline) throw new Error(`still ${video.status}`)
    await new Promise((resolve) => setTimeout(resolve, 40))
  }
}

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - (b[i] ?? 0)))

describe('Veo models in CometAPI’s shape', () => {
  let sim: TestSim | undefined
  afterEach(async () => {
    await sim?.cleanup()
    sim = undefined
  })

  it('lists the whole catalog on GET /models', async () => {
    sim = await makeSim()
    const ids = (await sim.app.inject({ method: 'GET', url: '/v1/models' })).json<{
      data: Array<{ id: string }>
    }>()
    expect(ids.data.map((m) => m.id)).toEqual([
      'sora-2',
      'sora-2-pro',
      'veo3.1',
      'veo3.1-pro',
      'veo3',
      'veo3-fast',
    ])
  })

  it('answers a task_ id, the resolved model and empty seconds, and renders 8 s from the first to the last frame', async () => {
    sim = await makeSim()
    const red = await solid(300, 200, '#e02020')
    const blue = await solid(640, 640, '#2040e0')
    const res = await postForm(
      sim,
      { prompt: 'a kite over a field', model: 'veo3.1', size: '16x9' },
      [red, blue],
    )
    expect(res.statusCode, res.body).toBe(200)
    const created = res.json<VideoResource>()
    expect(created).toMatchObject({
      model: 'veo_3_1-4K',
      seconds: '',
      size: '16x9',
      status: 'queued',
    })
    expect(created.id).toMatch(/^task_[A-Za-z0-9]+$/)
    const seen = await settle(sim, created.id, ['completed'])
    expect(seen.at(-1)).toMatchObject({ status: 'completed', seconds: '' })
    const video = path.join(sim.dataDir, 'media', created.id, 'video.mp4')
    const first = await frameColour(video, 'first')
    const last = await frameColour(video, 'last')
    expect(distance(first, [224, 32, 32])).toBeLessThan(40)
    expect(distance(last, [32, 64, 224])).toBeLessThan(40)
  })

  it('refuses a third reference, and a duration other than the fixed 8 s', async () => {
    sim = await makeSim()
    const img = await solid(64, 64, '#808080')
    const three = await postForm(sim, { prompt: 'p', model: 'veo3', size: '9x16' }, [img, img, img])
    expect(three.statusCode).toBe(400)
    expect(errorOf(three)).toMatchObject({ param: 'input_reference' })
    const long = await postForm(sim, { prompt: 'p', model: 'veo3', size: '9x16', seconds: '12' })
    expect(errorOf(long)).toMatchObject({ param: 'seconds', code: 'invalid_value' })
  })

  it('speaks gateway status words with [sim:gateway-status], and ends in expired with [sim:status-expired]', async () => {
    sim = await makeSim({ timeScale: 0.05 })
    const gw = (
      await postForm(sim, {
        prompt: 'words [sim:gateway-status]',
        model: 'veo3-fast',
        size: '16x9',
      })
    ).json<VideoResource>()
    const seen = [gw, ...(await settle(sim, gw.id, ['SUCCESS', 'FAILURE']))]
    const words = new Set(seen.map((v) => v.status))
    expect([...words]).toEqual(expect.arrayContaining(['NOT_START', 'running', 'SUCCESS']))
    const gone = (
      await postForm(sim, { prompt: 'gone [sim:status-expired]', model: 'sora-2' })
    ).json<VideoResource>()
    const last = (await settle(sim, gone.id, ['expired', 'completed', 'failed'])).at(-1)
    expect(last).toMatchObject({ status: 'expired', error: null })
  })

  it('cancels a running gateway task on DELETE', async () => {
    sim = await makeSim({ timeScale: 1 })
    const task = (
      await postForm(sim, { prompt: 'long one [sim:slow]', model: 'veo3', size: '16x9' })
    ).json<VideoResource>()
    const del = await sim.app.inject({ method: 'DELETE', url: `/v1/videos/${task.id}` })
    expect(del.json()).toMatchObject({ id: task.id, deleted: true })
    const after = (
      await sim.app.inject({ method: 'GET', url: `/v1/videos/${task.id}` })
    ).json<VideoResource>()
    expect(after.status).toBe('cancelled')
  })
})
