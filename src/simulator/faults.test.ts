import { afterEach, describe, expect, it } from 'vitest'
import { parseFaults, renderDurationMs } from './faults'
import type { VideoList } from './list'
import { errorOf, getVideo, makeSim, pollUntilDone, postVideo, type TestSim } from './testing/test-sim'
import type { VideoResource } from './video'

describe('fault triggers', () => {
  let sim: TestSim | undefined
  afterEach(async () => {
    await sim?.cleanup()
    sim = undefined
  })

  const count = async (s: TestSim) =>
    (await s.app.inject({ method: 'GET', url: '/v1/videos' })).json<VideoList>().data.length

  it('reads triggers anywhere in the prompt, in any case', () => {
    expect(parseFaults('a cat [SIM:Moderation] and [sim:slow] [sim:unknown]')).toEqual([
      'moderation',
      'slow',
    ])
    expect(parseFaults('no triggers [sim moderation]')).toEqual([])
  })

  it('[sim:slow] takes five times as long', () => {
    expect(renderDurationMs(1, 4, [])).toBe(12_000)
    expect(renderDurationMs(1, 4, ['slow'])).toBe(60_000)
    expect(renderDurationMs(0, 12, ['slow'])).toBe(0)
  })

  it('[sim:slow] jobs lag behind normal ones', async () => {
    sim = await makeSim({ timeScale: 0.5 })
    const slow = (await postVideo(sim.app, { prompt: 'tortoise [sim:SLOW]' })).json<VideoResource>()
    const fast = (await postVideo(sim.app, { prompt: 'hare' })).json<VideoResource>()
    while ((await getVideo(sim.app, fast.id)).progress < 25) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect((await getVideo(sim.app, slow.id)).progress).toBeLessThanOrEqual(10)
  })

  it('[sim:moderation] fails after some progress with moderation_blocked', async () => {
    sim = await makeSim({ timeScale: 0.05 })
    const res = await postVideo(sim.app, { prompt: 'a cat [Sim:Moderation]' })
    expect(res.statusCode).toBe(200)
    const { final, seen } = await pollUntilDone(sim.app, res.json<VideoResource>().id)
    expect(final.status).toBe('failed')
    expect(final.progress).toBeGreaterThan(0)
    expect(final.error).toEqual({
      code: 'moderation_blocked',
      message: 'Your request was blocked by our moderation system.',
    })
    expect(seen.some((v) => v.status === 'in_progress')).toBe(true)
  })

  it('[sim:fail-midway] fails at 50% with internal_error', async () => {
    sim = await makeSim()
    const res = await postVideo(sim.app, { prompt: 'boom [sim:fail-midway]' })
    const { final } = await pollUntilDone(sim.app, res.json<VideoResource>().id)
    expect(final).toMatchObject({
      status: 'failed',
      progress: 50,
      error: { code: 'internal_error' },
    })
  })

  it('[sim:429] answers 429 with Retry-After and creates nothing', async () => {
    sim = await makeSim()
    const res = await postVideo(sim.app, { prompt: 'busy [sim:429]' })
    expect(res.statusCode).toBe(429)
    expect(res.headers['retry-after']).toBe('2')
    expect(errorOf(res)).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' })
    expect(await count(sim)).toBe(0)
  })

  it('[sim:500] answers 500 server_error and creates nothing', async () => {
    sim = await makeSim()
    const res = await postVideo(sim.app, { prompt: 'down [sim:500]' })
    expect(res.statusCode).toBe(500)
    expect(errorOf(res)).toMatchObject({ type: 'server_error', code: null })
    expect(await count(sim)).toBe(0)
  })

  it('[sim:lost] answers 404 after a while', async () => {
    sim = await makeSim({ timeScale: 0.05 })
    const { id } = (await postVideo(sim.app, { prompt: 'gone [sim:lost]' })).json<VideoResource>()
    expect((await sim.app.inject({ method: 'GET', url: `/v1/videos/${id}` })).statusCode).toBe(200)
    await sim.app.simulator.idle()
    const res = await sim.app.inject({ method: 'GET', url: `/v1/videos/${id}` })
    expect(res.statusCode).toBe(404)
    expect(await count(sim)).toBe(0)
  })

  it('[sim:expire] completes but its content is already gone', async () => {
    sim = await makeSim()
    const { id } = (
      await postVideo(sim.app, { prompt: 'fleeting [sim:expire]' })
    ).json<VideoResource>()
    const { final } = await pollUntilDone(sim.app, id)
    expect(final.status).toBe('completed')
    expect(final.expires_at).toBe(final.completed_at)
    const res = await sim.app.inject({ method: 'GET', url: `/v1/videos/${id}/content` })
    expect(res.statusCode).toBe(404)
  })

  it('applies create-time faults to remixes too', async () => {
    sim = await makeSim()
    const { id } = (await postVideo(sim.app, { prompt: 'base' })).json<VideoResource>()
    await pollUntilDone(sim.app, id)
    const res = await sim.app.inject({
      method: 'POST',
      url: `/v1/videos/${id}/remix`,
      payload: { prompt: 'again [sim:429]' },
    })
    expect(res.statusCode).toBe(429)
    expect(await count(sim)).toBe(1)
  })
})
