import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeMedia } from '../lib/testing/media-probe'
import { makeSim, pollUntilDone, postVideo, type TestSim } from './testing/test-sim'
import type { VideoResource } from './video'

describe('simulator media', () => {
  let sim: TestSim
  beforeAll(async () => {
    sim = await makeSim({ timeScale: 0 })
  })
  afterAll(() => sim.cleanup())

  async function content(id: string, variant: string): Promise<Buffer> {
    const res = await sim.app.inject({
      method: 'GET',
      url: `/v1/videos/${id}/content?variant=${variant}`,
    })
    expect(res.statusCode).toBe(200)
    return res.rawPayload
  }

  it.each([
    ['sora-2', '1280x720', '4', 'A red kite over the dunes'],
    ['sora-2-pro', '1792x1024', '12', 'Rain on a neon street, 100% wet'],
  ])(
    '%s %s %ss renders an exact H.264 clip, a WebP thumbnail and a JPEG spritesheet',
    async (model, size, seconds, prompt) => {
      const res = await postVideo(sim.app, { prompt, model, size, seconds })
      expect(res.statusCode).toBe(200)
      const { id } = res.json<VideoResource>()
      expect((await pollUntilDone(sim.app, id, 100, 55_000)).final.status).toBe('completed')

      const file = path.join(sim.dataDir, `${id}-download.mp4`)
      await writeFile(file, await content(id, 'video'))
      const info = await probeMedia(file)
      const [width, height] = size.split('x').map(Number)
      expect(info.streams).toHaveLength(1)
      expect(info.streams[0]).toMatchObject({
        codec_name: 'h264',
        pix_fmt: 'yuv420p',
        width,
        height,
      })
      expect(Math.abs(info.duration - Number(seconds))).toBeLessThanOrEqual(0.1)

      const thumb = await sharp(await content(id, 'thumbnail')).metadata()
      expect(thumb.format).toBe('webp')
      expect(thumb.width).toBeLessThanOrEqual(width ?? 0)
      const sprite = await sharp(await content(id, 'spritesheet')).metadata()
      expect(sprite.format).toBe('jpeg')
      expect(sprite.width).toBe(800)
    },
  )

  it('draws the reference image as the backdrop', async () => {
    const reference = await sharp({
      create: { width: 720, height: 1280, channels: 3, background: { r: 0, g: 230, b: 0 } },
    })
      .jpeg()
      .toBuffer()
    const withRef = await postVideo(
      sim.app,
      { prompt: 'green field' },
      { input_reference: { bytes: reference, filename: 'ref.jpg', type: 'image/jpeg' } },
    )
    expect(withRef.statusCode).toBe(200)
    const { id } = withRef.json<VideoResource>()
    expect((await pollUntilDone(sim.app, id)).final.status).toBe('completed')
    const stats = await sharp(await content(id, 'thumbnail')).stats()
    const [r, g, b] = stats.channels.map((c) => c.mean)
    expect(g).toBeGreaterThan(140)
    expect(g).toBeGreaterThan((r ?? 0) + 60)
    expect(g).toBeGreaterThan((b ?? 0) + 60)
  })
})
