import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedJob } from './testing/seed-job'
import { startTestStudio, type TestStudio } from './testing/test-studio'

let studio: TestStudio
let videoId: string
const video = Buffer.alloc(256 * 1024, 'not really an mp4, but very compressible ')

beforeAll(async () => {
  studio = await startTestStudio()
  for (let i = 0; i < 60; i++)
    await seedJob(studio.repo, { prompt: `A seeded take number ${i} on a rainy street` })
  const take = await seedJob(studio.repo, { status: 'completed', completedAt: new Date().toISOString() })
  await studio.vault.writeFile(take.id, 'video', video)
  videoId = take.id
})
afterAll(() => studio.close())

const get = (url: string, headers: Record<string, string> = {}) =>
  studio.app.inject({ method: 'GET', url, headers })

describe('API replies', () => {
  it('compress a large JSON reply as Accept-Encoding allows, decoding to the same JSON', async () => {
    const url = '/api/jobs?limit=50'
    const plain = await get(url)
    expect(plain.headers['content-encoding']).toBeUndefined()
    const page = plain.body
    expect(Buffer.byteLength(page)).toBeGreaterThan(10_000)

    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.rawPayload.length).toBeLessThan(page.length / 4)
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(page)

    const gzip = await get(url, { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(page)
  })

  it('send a small reply as it is', async () => {
    const reply = await get('/api/health', { 'accept-encoding': 'br, gzip' })
    expect(reply.statusCode).toBe(200)
    expect(reply.headers['content-encoding']).toBeUndefined()
    expect(reply.json()).toMatchObject({ ok: true })
  })

  it('never compress media, whole or in ranges: byte offsets stay true', async () => {
    const whole = await get(`/api/jobs/${videoId}/video`, { 'accept-encoding': 'br, gzip' })
    expect(whole.statusCode).toBe(200)
    expect(whole.headers['content-encoding']).toBeUndefined()
    expect(whole.rawPayload.equals(video)).toBe(true)
    const part = await get(`/api/jobs/${videoId}/video`, {
      'accept-encoding': 'br, gzip',
      range: 'bytes=10-19',
    })
    expect(part.statusCode).toBe(206)
    expect(part.headers['content-encoding']).toBeUndefined()
    expect(part.rawPayload.equals(video.subarray(10, 20))).toBe(true)
  })
})
