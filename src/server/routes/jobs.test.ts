import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobListSchema } from '../../contract/api'
import { jobSchema, type Job } from '../../contract/job'
import { multipartBody, rawMultipartBody } from '../testing/multipart'
import { isDone, startTestStudio, type TestStudio } from '../testing/test-studio'

let studio: TestStudio
const settings = { model: 'sora-2', size: '1280x720', seconds: '4' }

beforeAll(async () => {
  studio = await startTestStudio()
})
afterAll(() => studio.close())

async function post(fields: Record<string, string>, file?: Parameters<typeof multipartBody>[1]) {
  const body = multipartBody(fields, file)
  return studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })
}

async function create(prompt: string, extra: Record<string, string> = {}): Promise<Job> {
  const reply = await post({ prompt, ...settings, ...extra })
  expect(reply.statusCode, reply.body).toBe(201)
  return jobSchema.parse(reply.json())
}

const jobDirs = () => fs.readdirSync(path.join(studio.dataDir, 'vault')).filter((d) => d.startsWith('job_'))
const tempFiles = () => fs.readdirSync(path.join(studio.dataDir, 'vault', '.tmp'))
const rowCount = async () => (await studio.repo.list({ limit: 100 })).items.length

describe('POST /api/jobs', () => {
  it('renders a take and archives video, thumbnail, spritesheet and sidecar, and makes its still', async () => {
    const created = await create('a lantern over a night market')
    expect(created).toMatchObject({ status: 'queued', provider: 'simulator', seconds: 4, costUsd: 0.4 })
    expect(created.upstreamId).toMatch(/^video_/)
    const done = await studio.waitForJob(created.id, isDone)
    expect(done.status).toBe('completed')
    expect(done.media).toEqual({
      video: `/api/jobs/${done.id}/video`,
      thumbnail: `/api/jobs/${done.id}/thumbnail`,
      spritesheet: `/api/jobs/${done.id}/spritesheet`,
      still: { url: `/api/jobs/${done.id}/still`, width: 480, thumbnailWidth: 640 },
    })
    const video = await studio.app.inject({ method: 'GET', url: done.media?.video ?? '' })
    expect(video.statusCode).toBe(200)
    expect(video.headers['content-type']).toBe('video/mp4')
    expect(video.rawPayload.equals(await studio.vault.read(done.id, 'video'))).toBe(true)
    const sidecar = JSON.parse((await studio.vault.read(done.id, 'sidecar')).toString('utf8')) as Record<string, unknown>
    expect(sidecar).toMatchObject({
      prompt: 'a lantern over a night market',
      model: 'sora-2',
      size: '1280x720',
      seconds: 4,
      provider: 'simulator',
      upstreamId: created.upstreamId,
      remixOf: null,
      referenceHash: null,
      costUsd: 0.4,
      createdAt: created.createdAt,
      completedAt: done.completedAt,
      files: { video: video.rawPayload.length },
    })
  })

  it('fits a reference image to the exact size and keeps it with the job', async () => {
    const image = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3366ff' } }).jpeg().toBuffer()
    const reply = await post(
      { prompt: 'the reference, moving', ...settings, fit: 'contain' },
      { filename: 'my photo.jpg', contentType: 'image/jpeg', data: image },
    )
    expect(reply.statusCode, reply.body).toBe(201)
    // The fit follows the 201, in the job's submission step (ADR 008).
    const created = jobSchema.parse(reply.json())
    expect((await studio.vault.read(created.id, 'reference-original')).equals(image)).toBe(true)
    const job = await studio.waitForJob(created.id, isDone)
    expect(job.status).toBe('completed')
    expect(job.reference).toEqual({ url: `/api/jobs/${job.id}/reference`, width: 1280, height: 720 })
    const served = await studio.app.inject({ method: 'GET', url: job.reference?.url ?? '' })
    expect(served.headers['content-type']).toBe('image/png')
    expect(await sharp(served.rawPayload).metadata()).toMatchObject({ width: 1280, height: 720, format: 'png' })
  })

  it.each([
    [{ ...settings }, 400, 'prompt'],
    [{ prompt: 'x', ...settings, model: 'sora-9' }, 400, 'model'],
    [{ prompt: 'x', ...settings, size: '1792x1024' }, 400, 'size'],
    [{ prompt: 'x', ...settings, seconds: '5' }, 400, 'seconds'],
  ])('refuses bad fields with a field error and stores nothing (%o)', async (fields, status, field) => {
    const before = { rows: await rowCount(), dirs: jobDirs().length }
    const reply = await post(fields)
    expect(reply.statusCode).toBe(status)
    expect(reply.json()).toMatchObject({ error: { code: 'invalid_request', field } })
    expect({ rows: await rowCount(), dirs: jobDirs().length }).toEqual(before)
  })

  it.each([
    ['an SVG', 'x.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 415],
    ['a text file named .png', 'x.png', 'image/png', Buffer.from('hello'), 415],
    ['a file over the size limit', 'big.png', 'image/png', Buffer.alloc(21 * 1024 * 1024), 413],
  ])('refuses %s and stores nothing', async (_label, filename, contentType, data, status) => {
    const before = { rows: await rowCount(), dirs: jobDirs().length }
    const reply = await post({ prompt: 'x', ...settings }, { filename, contentType, data })
    expect(reply.statusCode).toBe(status)
    expect(reply.json()).toHaveProperty('error.message')
    expect({ rows: await rowCount(), dirs: jobDirs().length }).toEqual(before)
    expect(tempFiles()).toEqual([])
  })

  it.each([
    ['garbage', 'multipart/form-data; boundary=abc'],
    ['--abc\r\nContent-Disposition: form-data; name="prompt"\r\n\r\nunterminated', 'multipart/form-data; boundary=abc'],
    ['x', 'multipart/form-data'],
  ])('answers a broken multipart body with 400, not 500 (%j)', async (payload, contentType) => {
    const reply = await studio.app.inject({ method: 'POST', url: '/api/jobs', payload, headers: { 'content-type': contentType } })
    expect(reply.statusCode).toBe(400)
    expect(reply.json()).toMatchObject({ error: { code: 'invalid_request' } })
  })

  it('leaves no temp file when a field after the image is refused, or the provider refuses the take', async () => {
    const image = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#222' } }).png().toBuffer()
    const before = { rows: await rowCount(), dirs: jobDirs().length }
    const badAfterFile = rawMultipartBody([
      { kind: 'file', name: 'input_reference', filename: 'ref.png', contentType: 'image/png', data: image },
      ...Object.entries({ prompt: 'x', ...settings, seconds: '5' }).map(([name, value]) => ({ kind: 'field' as const, name, value })),
    ])
    const refused = await studio.app.inject({ method: 'POST', url: '/api/jobs', ...badAfterFile })
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toMatchObject({ error: { field: 'seconds' } })
    expect({ rows: await rowCount(), dirs: jobDirs().length, temp: tempFiles() }).toEqual({ ...before, temp: [] })

    const upstreamRefused = await post(
      { prompt: 'refused with a reference [sim:500]', ...settings },
      { filename: 'ref.png', contentType: 'image/png', data: image },
    )
    expect(upstreamRefused.statusCode, upstreamRefused.body).toBe(201)
    expect((await studio.waitForJob(jobSchema.parse(upstreamRefused.json()).id, isDone)).status).toBe('failed')
    expect(tempFiles()).toEqual([])
  })

  it('refuses a body that is not multipart', async () => {
    const reply = await studio.app.inject({ method: 'POST', url: '/api/jobs', payload: { prompt: 'x' } })
    expect(reply.statusCode).toBe(415)
  })

  it('keeps a job the provider refused, with its code and message', async () => {
    const job = await create('a shot that errors [sim:500]')
    expect(job.status).toBe('failed')
    expect(job.prompt).toBe('a shot that errors [sim:500]')
    expect(job.error?.message).toBeTruthy()
    expect(job.costUsd).toBe(0)
  })

  it('fails a job the provider blocks, with the provider reason', async () => {
    const job = await create('a blocked shot [sim:moderation]')
    const done = await studio.waitForJob(job.id, isDone)
    expect(done.status).toBe('failed')
    expect(done.error?.code).toBe('moderation_blocked')
    expect(done.error?.kind).toBe('moderation')
    expect((await studio.repo.get(job.id))?.error?.kind).toBe('moderation')
  })

  it('keeps a create the provider rate-limits as rate_limited, for the studio to say wait', async () => {
    const job = await create('a busy hour [sim:429]')
    expect(job.status).toBe('failed')
    expect(job.error).toMatchObject({ code: 'rate_limit_exceeded', kind: 'rate_limited' })
    expect((await studio.repo.get(job.id))?.error?.kind).toBe('rate_limited')
  })
})

describe('remix, retry, delete', () => {
  it('remixes a completed take into a new job linked to its parent', async () => {
    const parent = await studio.waitForJob((await create('a red kite')).id, isDone)
    const reply = await studio.app.inject({
      method: 'POST',
      url: `/api/jobs/${parent.id}/remix`,
      payload: { prompt: 'a red kite at dusk' },
    })
    expect(reply.statusCode, reply.body).toBe(201)
    const remix = jobSchema.parse(reply.json())
    expect(remix).toMatchObject({ remixOf: parent.id, model: parent.model, size: parent.size, seconds: parent.seconds })
    const done = await studio.waitForJob(remix.id, isDone)
    expect(done.status).toBe('completed')
  })

  it('refuses to remix an unfinished or unknown take', async () => {
    const job = await create('still rendering [sim:slow]')
    const early = await studio.app.inject({ method: 'POST', url: `/api/jobs/${job.id}/remix`, payload: { prompt: 'x' } })
    expect(early.statusCode).toBe(409)
    const missing = await studio.app.inject({
      method: 'POST',
      url: '/api/jobs/job_doesnotexist00/remix',
      payload: { prompt: 'x' },
    })
    expect(missing.statusCode).toBe(404)
  })

  it('retries a failed job with the same settings and reference', async () => {
    const image = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#00ff00' } }).png().toBuffer()
    const reply = await post(
      { prompt: 'retry me [sim:500]', model: 'sora-2-pro', size: '1024x1792', seconds: '8' },
      { filename: 'ref.png', contentType: 'image/png', data: image },
    )
    const failed = await studio.waitForJob(jobSchema.parse(reply.json()).id, isDone)
    expect(failed.status).toBe('failed')
    const retried = await studio.app.inject({ method: 'POST', url: `/api/jobs/${failed.id}/retry` })
    expect(retried.statusCode).toBe(201)
    const again = jobSchema.parse(retried.json())
    expect(again.id).not.toBe(failed.id)
    expect(again).toMatchObject({ prompt: failed.prompt, model: 'sora-2-pro', size: '1024x1792', seconds: 8 })
    expect((await studio.repo.get(again.id))?.reference?.hash).toBe((await studio.repo.get(failed.id))?.reference?.hash)
  })

  it('letters the takes of a submit A, B, C; a retry keeps its letter outside the submit; a remix is A', async () => {
    const group = `letters${Date.now()}`
    const takes = [
      await create('lettered take [sim:moderation]', { group }),
      await create('lettered take [sim:moderation]', { group }),
      await create('lettered take', { group }),
    ]
    expect(takes.map((job) => job.take)).toEqual(['A', 'B', 'C'])
    const failed = await studio.waitForJob(takes[1]?.id ?? '', isDone)
    const retried = await studio.app.inject({ method: 'POST', url: `/api/jobs/${failed.id}/retry` })
    expect(jobSchema.parse(retried.json())).toMatchObject({ take: 'B', group: null })
    const done = await studio.waitForJob(takes[2]?.id ?? '', isDone)
    const remix = await studio.app.inject({ method: 'POST', url: `/api/jobs/${done.id}/remix`, payload: { prompt: 'again' } })
    expect(jobSchema.parse(remix.json())).toMatchObject({ take: 'A', group: null, remixOf: done.id })
    const groupList = jobListSchema.parse((await studio.app.inject({ method: 'GET', url: `/api/jobs?group=${group}` })).json())
    expect(groupList.items.map((job) => job.take)).toEqual(['C', 'B', 'A'])
  })

  it('deletes a take at once, keeps its files for an undo, and restores it', async () => {
    const job = await studio.waitForJob((await create('to be deleted')).id, isDone)
    expect(await studio.vault.has(job.id, 'video')).toBe(true)
    const reply = await studio.app.inject({ method: 'DELETE', url: `/api/jobs/${job.id}` })
    expect(reply.statusCode).toBe(204)
    expect((await studio.app.inject({ method: 'GET', url: `/api/jobs/${job.id}` })).statusCode).toBe(404)
    expect((await studio.app.inject({ method: 'GET', url: `/api/jobs/${job.id}/video` })).statusCode).toBe(404)
    expect(await studio.vault.has(job.id, 'video')).toBe(true)
    expect((await studio.app.inject({ method: 'DELETE', url: `/api/jobs/${job.id}` })).statusCode).toBe(404)

    const restored = await studio.app.inject({ method: 'POST', url: `/api/jobs/${job.id}/restore` })
    expect(restored.statusCode).toBe(200)
    expect(jobSchema.parse(restored.json())).toEqual(job)
    expect((await studio.app.inject({ method: 'POST', url: `/api/jobs/${job.id}/restore` })).statusCode).toBe(404)
  })
})

describe('GET /api/jobs', () => {
  it('filters by status and prompt text, and pages with a stable cursor', async () => {
    const group = `g${Date.now()}`
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await create(`paging take ${i} zebra`, { group })).id)
    const page = async (query: string) => {
      const reply = await studio.app.inject({ method: 'GET', url: `/api/jobs?${query}` })
      expect(reply.statusCode, reply.body).toBe(200)
      return jobListSchema.parse(reply.json())
    }
    const first = await page(`group=${group}&limit=2`)
    expect(first.items.map((j) => j.id)).toEqual([ids[4], ids[3]])
    await create('a newer job in the same group', { group })
    const second = await page(`group=${group}&limit=2&cursor=${first.nextCursor}`)
    expect(second.items.map((j) => j.id)).toEqual([ids[2], ids[1]])
    const third = await page(`group=${group}&limit=2&cursor=${second.nextCursor}`)
    expect(third.items.map((j) => j.id)).toEqual([ids[0]])
    expect(third.nextCursor).toBeNull()

    expect((await page('q=ZEBRA&limit=100')).items).toHaveLength(5)
    const failed = await page('status=failed&limit=100')
    expect(failed.items.length).toBeGreaterThan(0)
    expect(failed.items.every((j) => j.status === 'failed')).toBe(true)
    expect((await studio.app.inject({ method: 'GET', url: '/api/jobs?cursor=nonsense' })).statusCode).toBe(400)
    // A position past any the store can hold (PostgreSQL's serial is 32-bit) is no cursor it gave.
    const beyond = Buffer.from('s999999999999').toString('base64url')
    const refused = await studio.app.inject({ method: 'GET', url: `/api/jobs?cursor=${beyond}` })
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toMatchObject({ error: { field: 'cursor' } })
    expect((await studio.app.inject({ method: 'GET', url: '/api/jobs?limit=1000' })).statusCode).toBe(400)
  })

  it('answers 404 in the envelope for an unknown or malformed id', async () => {
    for (const id of ['job_unknown000000', '..%2F..%2Fetc']) {
      const reply = await studio.app.inject({ method: 'GET', url: `/api/jobs/${id}` })
      expect(reply.statusCode).toBe(404)
      expect(reply.json()).toMatchObject({ error: { code: 'not_found' } })
    }
  })
})
