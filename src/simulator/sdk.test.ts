import OpenAI, { toFile } from 'openai'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from './server'
import { makeTempDir } from './testing/test-sim'

/** The official SDK against the simulator over real HTTP: what the studio's adapter will do. */
describe('simulator through the openai SDK', () => {
  let sim: RunningSimulator
  let removeDir: () => Promise<void>
  let client: OpenAI
  beforeAll(async () => {
    const temp = await makeTempDir()
    removeDir = temp.remove
    sim = await startSimulator({ dataDir: temp.dir, timeScale: 0, apiKey: 'sk-sim-test-key' })
    client = new OpenAI({ baseURL: sim.baseURL, apiKey: 'sk-sim-test-key', maxRetries: 0 })
  })
  afterAll(async () => {
    await sim.close()
    await removeDir()
  })

  async function waitDone(id: string) {
    for (;;) {
      const video = await client.videos.retrieve(id)
      if (video.status === 'completed' || video.status === 'failed') return video
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  it('creates with a reference file, polls, downloads, remixes, lists and deletes', async () => {
    const png = await sharp({
      create: { width: 1280, height: 720, channels: 3, background: '#334' },
    })
      .png()
      .toBuffer()
    const created = await client.videos.create({
      prompt: 'SDK round trip',
      model: 'sora-2',
      seconds: '4',
      size: '1280x720',
      input_reference: await toFile(png, 'ref.png', { type: 'image/png' }),
    })
    expect(created).toMatchObject({ status: 'queued', size: '1280x720', seconds: '4' })
    expect((await waitDone(created.id)).status).toBe('completed')

    const download = await client.videos.downloadContent(created.id, { variant: 'thumbnail' })
    expect(download.headers.get('content-type')).toBe('image/webp')
    expect((await sharp(Buffer.from(await download.arrayBuffer())).metadata()).format).toBe('webp')

    const remix = await client.videos.remix(created.id, { prompt: 'SDK remix' })
    expect(remix.remixed_from_video_id).toBe(created.id)

    const page = await client.videos.list({ limit: 1, order: 'desc' })
    expect(page.data.map((v) => v.id)).toEqual([remix.id])
    expect(page.has_more).toBe(true)

    const deleted = await client.videos.delete(created.id)
    expect(deleted).toEqual({ id: created.id, object: 'video.deleted', deleted: true })
  })

  it('surfaces errors as the SDK error classes', async () => {
    const wrongKey = new OpenAI({ baseURL: sim.baseURL, apiKey: 'sk-nope-nope', maxRetries: 0 })
    await expect(wrongKey.videos.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError)
    const limited = client.videos.create({ prompt: 'busy [sim:429]' })
    await expect(limited).rejects.toBeInstanceOf(OpenAI.RateLimitError)
    await expect(limited).rejects.toMatchObject({ status: 429, code: 'rate_limit_exceeded' })
    await expect(client.videos.create({ prompt: 'x', model: 'sora-3' })).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found',
    })
    await expect(client.videos.retrieve('video_0000000000000000')).rejects.toBeInstanceOf(
      OpenAI.NotFoundError,
    )
  })
})
