import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { VideoList } from './list'
import { errorOf, getVideo, makeSim, pollUntilDone, postVideo, type TestSim } from './testing/test-sim'
import type { VideoResource } from './video'

describe('simulator video lifecycle', () => {
  let sim: TestSim | undefined
  afterEach(async () => {
    await sim?.cleanup()
    sim = undefined
  })

  it('goes queued -> in_progress with rising progress -> completed', async () => {
    sim = await makeSim({ timeScale: 0.1 })
    const res = await postVideo(sim.app, { prompt: 'A lighthouse at dusk', seconds: '4' })
    expect(res.statusCode).toBe(200)
    const created = res.json<VideoResource>()
    expect(created).toMatchObject({
      object: 'video',
      model: 'sora-2',
      status: 'queued',
      progress: 0,
      size: '720x1280',
      seconds: '4',
      quality: 'standard',
      completed_at: null,
      expires_at: null,
      remixed_from_video_id: null,
      error: null,
    })
    expect(created.id).toMatch(/^video_[0-9a-f]+$/)
    expect(Math.abs(created.created_at - Date.now() / 1000)).toBeLessThan(5)

    const { final, seen } = await pollUntilDone(sim.app, created.id)
    const progress = seen.filter((v) => v.status === 'in_progress').map((v) => v.progress)
    expect(new Set(progress).size).toBeGreaterThanOrEqual(3)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect(final.status).toBe('completed')
    expect(final.progress).toBe(100)
    expect(final.completed_at).not.toBeNull()
    expect(final.expires_at).toBe((final.completed_at ?? 0) + 3600)
  })

  it('refuses content before completion, serves it after', async () => {
    sim = await makeSim({ timeScale: 0.05 })
    const { id } = (await postVideo(sim.app, { prompt: 'early bird' })).json<VideoResource>()
    const early = await sim.app.inject({ method: 'GET', url: `/v1/videos/${id}/content` })
    expect(early.statusCode).toBe(400)
    expect(errorOf(early)).toMatchObject({ code: 'video_not_ready' })
    const remix = await sim.app.inject({
      method: 'POST',
      url: `/v1/videos/${id}/remix`,
      payload: { prompt: 'too soon' },
    })
    expect(remix.statusCode).toBe(400)
    expect(errorOf(remix)).toMatchObject({ code: 'video_not_ready' })
    const del = await sim.app.inject({ method: 'DELETE', url: `/v1/videos/${id}` })
    expect(del.statusCode).toBe(400)

    await pollUntilDone(sim.app, id)
    const video = await sim.app.inject({ method: 'GET', url: `/v1/videos/${id}/content` })
    expect(video.statusCode).toBe(200)
    expect(video.headers['content-type']).toBe('video/mp4')
    expect(Number(video.headers['content-length'])).toBe(video.rawPayload.length)
    for (const [variant, type] of [
      ['thumbnail', 'image/webp'],
      ['spritesheet', 'image/jpeg'],
    ]) {
      const res = await sim.app.inject({
        method: 'GET',
        url: `/v1/videos/${id}/content?variant=${variant}`,
      })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe(type)
    }
  })

  it('remixes a completed video: new id, linked, settings inherited', async () => {
    sim = await makeSim()
    const source = (
      await postVideo(sim.app, {
        prompt: 'source',
        model: 'sora-2-pro',
        size: '1280x720',
        seconds: '8',
      })
    ).json<VideoResource>()
    await pollUntilDone(sim.app, source.id)
    const res = await sim.app.inject({
      method: 'POST',
      url: `/v1/videos/${source.id}/remix`,
      payload: { prompt: 'same, but at night' },
    })
    expect(res.statusCode).toBe(200)
    const remix = res.json<VideoResource>()
    expect(remix.id).not.toBe(source.id)
    expect(remix).toMatchObject({
      status: 'queued',
      prompt: 'same, but at night',
      remixed_from_video_id: source.id,
      model: 'sora-2-pro',
      size: '1280x720',
      seconds: '8',
    })
    const missingPrompt = await sim.app.inject({
      method: 'POST',
      url: `/v1/videos/${source.id}/remix`,
      payload: {},
    })
    expect(missingPrompt.statusCode).toBe(400)
  })

  it('lists with after / limit / order', async () => {
    sim = await makeSim()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      // Moderated jobs fail without rendering: cheap list fodder.
      ids.push(
        (await postVideo(sim.app, { prompt: `take ${i} [sim:moderation]` })).json<VideoResource>()
          .id,
      )
    }
    const list = async (query: string) =>
      (await sim!.app.inject({ method: 'GET', url: `/v1/videos?${query}` })).json<VideoList>()
    const first = await list('limit=2')
    expect(first).toMatchObject({ object: 'list', has_more: true })
    expect(first.data.map((v) => v.id)).toEqual([ids[4], ids[3]])
    expect([first.first_id, first.last_id]).toEqual([ids[4], ids[3]])
    const second = await list(`limit=2&after=${first.last_id}`)
    expect(second.data.map((v) => v.id)).toEqual([ids[2], ids[1]])
    const last = await list(`limit=2&after=${second.last_id}`)
    expect(last.data.map((v) => v.id)).toEqual([ids[0]])
    expect(last.has_more).toBe(false)
    const asc = await list('order=asc&limit=3')
    expect(asc.data.map((v) => v.id)).toEqual(ids.slice(0, 3))
    expect((await list('')).data).toHaveLength(5)
    const none = await list('limit=0')
    expect(none).toMatchObject({ data: [], first_id: null, last_id: null, has_more: true })
  })

  it('deletes a finished video and its files', async () => {
    sim = await makeSim()
    const { id } = (await postVideo(sim.app, { prompt: 'to be deleted' })).json<VideoResource>()
    await pollUntilDone(sim.app, id)
    const media = path.join(sim.dataDir, 'media', id)
    expect(existsSync(path.join(media, 'video.mp4'))).toBe(true)
    const res = await sim.app.inject({ method: 'DELETE', url: `/v1/videos/${id}` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ id, object: 'video.deleted', deleted: true })
    expect((await sim.app.inject({ method: 'GET', url: `/v1/videos/${id}` })).statusCode).toBe(404)
    await sim.app.close()
    expect(existsSync(media)).toBe(false)
    expect(existsSync(path.join(sim.dataDir, 'videos', `${id}.json`))).toBe(false)
  })

  it('keeps failed videos deletable', async () => {
    sim = await makeSim()
    const { id } = (await postVideo(sim.app, { prompt: '[sim:moderation]' })).json<VideoResource>()
    expect((await pollUntilDone(sim.app, id)).final.status).toBe('failed')
    const res = await sim.app.inject({ method: 'DELETE', url: `/v1/videos/${id}` })
    expect(res.statusCode).toBe(200)
    await expect(getVideo(sim.app, id)).rejects.toThrow(/404/)
  })
})
