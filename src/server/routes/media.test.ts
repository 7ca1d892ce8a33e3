import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeMedia } from '../../lib/testing/media-probe'
import { jobSchema, type Job } from '../../contract/job'
import { multipartBody } from '../testing/multipart'
import { seedJob } from '../testing/seed-job'
import { FolderVault } from '../vault/folder-vault'
import { S3Vault } from '../vault/s3-vault'
import { isDone, MEDIA_STORES, startTestStudio, type TestStudio } from '../testing/test-studio'

describe.each(MEDIA_STORES)('media from the %s store', (store) => {
  let studio: TestStudio
  let take: Job
  let videoBytes: Buffer

  beforeAll(async () => {
    // No grace period: a deleted take's files are purged while the test watches.
    studio = await startTestStudio({ store, config: { deleteGraceS: 0 } })
    const body = multipartBody({
      prompt: 'Café at dawn, 東京',
      model: 'sora-2',
      size: '720x1280',
      seconds: '4',
    })
    const created = jobSchema.parse(
      (await studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })).json(),
    )
    take = await studio.waitForJob(created.id, isDone)
    videoBytes = await studio.vault.read(take.id, 'video')
  })
  afterAll(() => studio.close())

  const get = (url: string, headers: Record<string, string> = {}) =>
    studio.app.inject({ method: 'GET', url, headers })

  /** What a media URL serves, in a file of its own (for ffprobe). */
  const saved = async (url: string): Promise<string> => {
    const reply = await get(url)
    expect(reply.statusCode, url).toBe(200)
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-media-')), path.basename(url))
    fs.writeFileSync(file, reply.rawPayload)
    return file
  }

  describe('media', () => {
    it('keeps the take in the store it was given, and serves it itself: no storage address reaches the browser', async () => {
      expect(studio.vault).toBeInstanceOf(store === 's3' ? S3Vault : FolderVault)
      expect(await studio.vault.keys()).toContain(`${take.id}/video.mp4`)
      const reply = await get(`/api/jobs/${take.id}/video`)
      expect(reply.statusCode).toBe(200)
      expect(reply.headers.location).toBeUndefined()
      expect(JSON.stringify(reply.headers)).not.toMatch(/X-Amz|127\.0\.0\.1|S3RVER/i)
    })

    it('answers a byte range with 206 and exactly those bytes', async () => {
      const reply = await get(`/api/jobs/${take.id}/video`, { range: 'bytes=100-199' })
      expect(reply.statusCode).toBe(206)
      expect(reply.headers['content-range']).toBe(`bytes 100-199/${videoBytes.length}`)
      expect(reply.headers['content-length']).toBe('100')
      expect(reply.rawPayload.equals(videoBytes.subarray(100, 200))).toBe(true)
    })

    it('answers an impossible range with 416', async () => {
      const reply = await get(`/api/jobs/${take.id}/video`, {
        range: `bytes=${videoBytes.length}-`,
      })
      expect(reply.statusCode).toBe(416)
      expect(reply.headers['content-range']).toBe(`bytes */${videoBytes.length}`)
    })

    // A seek's bytes are asked for beside the file's size (send-file.ts): what was asked for
    // before the size was known must still come out as the size allows.
    it('serves a seek that runs past the end up to the last byte, and refuses one beyond it', async () => {
      const size = videoBytes.length
      const tail = await get(`/api/jobs/${take.id}/video`, { range: `bytes=${size - 10}-${size + 500}` })
      expect(tail.statusCode).toBe(206)
      expect(tail.headers['content-range']).toBe(`bytes ${size - 10}-${size - 1}/${size}`)
      expect(tail.rawPayload.equals(videoBytes.subarray(size - 10))).toBe(true)
      const beyond = await get(`/api/jobs/${take.id}/video`, { range: `bytes=${size + 10}-${size + 20}` })
      expect(beyond.statusCode).toBe(416)
      expect((await get(`/api/jobs/${take.id}/video`, { range: 'bytes=0-9' })).statusCode).toBe(206)
      // From a byte to the end, as a browser's <video> asks.
      const rest = await get(`/api/jobs/${take.id}/video`, { range: `bytes=${size - 10}-` })
      expect(rest.statusCode).toBe(206)
      expect(rest.headers['content-range']).toBe(`bytes ${size - 10}-${size - 1}/${size}`)
      expect(rest.headers['content-length']).toBe('10')
      expect(rest.rawPayload.equals(videoBytes.subarray(size - 10))).toBe(true)
    })

    it('caches for good and revalidates with the ETag', async () => {
      const first = await get(`/api/jobs/${take.id}/thumbnail`)
      expect(first.statusCode).toBe(200)
      expect(first.headers['content-type']).toBe('image/webp')
      expect(first.headers['cache-control']).toContain('immutable')
      const etag = String(first.headers.etag)
      const again = await get(`/api/jobs/${take.id}/thumbnail`, { 'if-none-match': etag })
      expect(again.statusCode).toBe(304)
      expect(again.rawPayload.length).toBe(0)
    })

    it('makes a tile-sized still when the take is archived: the thumbnail at 480 px on its long side, WebP', async () => {
      const thumbnail = await probeMedia(await saved(`/api/jobs/${take.id}/thumbnail`))
      expect(thumbnail.streams[0]).toMatchObject({ codec_name: 'webp', width: 640 })
      expect(take.media?.still).toEqual({ url: `/api/jobs/${take.id}/still`, width: 270, thumbnailWidth: 640 })
      expect(await studio.vault.keys()).toContain(`${take.id}/still.webp`)
      const still = await probeMedia(await saved(`/api/jobs/${take.id}/still`))
      expect(still.streams[0]).toMatchObject({ codec_type: 'video', codec_name: 'webp', width: 270, height: 480 })
      const bytes = { still: (await get(`/api/jobs/${take.id}/still`)).rawPayload.length, thumbnail: (await get(`/api/jobs/${take.id}/thumbnail`)).rawPayload.length }
      expect(bytes.still).toBeLessThan(bytes.thumbnail / 2)
    })

    it("serves the still with the thumbnail's headers: WebP, cached for good, revalidated by ETag, ranges", async () => {
      const [thumbnail, still] = [await get(`/api/jobs/${take.id}/thumbnail`), await get(`/api/jobs/${take.id}/still`)]
      expect(still.statusCode).toBe(200)
      const same = ['content-type', 'cache-control', 'accept-ranges', 'x-content-type-options', 'content-security-policy']
      for (const header of same) expect(still.headers[header], header).toEqual(thumbnail.headers[header])
      expect(still.headers.etag).toMatch(/^"/)
      expect(still.headers.etag).not.toBe(thumbnail.headers.etag)
      const again = await get(`/api/jobs/${take.id}/still`, { 'if-none-match': String(still.headers.etag) })
      expect(again.statusCode).toBe(304)
      const part = await get(`/api/jobs/${take.id}/still`, { range: 'bytes=0-11' })
      expect(part.statusCode).toBe(206)
      expect(part.rawPayload.subarray(8, 12).toString('latin1')).toBe('WEBP')
    })

    it('a take archived before stills has none: its media names no still and the route answers 404', async () => {
      const older = await seedJob(studio.repo, {
        status: 'completed',
        completedAt: new Date().toISOString(),
        hasThumbnail: true,
      })
      const job = jobSchema.parse((await get(`/api/jobs/${older.id}`)).json())
      expect(job.media).toMatchObject({ thumbnail: `/api/jobs/${older.id}/thumbnail`, still: null })
      const reply = await get(`/api/jobs/${older.id}/still`)
      expect(reply.statusCode).toBe(404)
      expect(reply.json()).toMatchObject({ error: { code: 'not_found' } })
    })

    it('deleting a take removes its still with its other files', async () => {
      const body = multipartBody({ prompt: 'gone soon', model: 'sora-2', size: '1280x720', seconds: '4' })
      const created = jobSchema.parse((await studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })).json())
      const done = await studio.waitForJob(created.id, isDone)
      expect(done.media?.still).toMatchObject({ width: 480, thumbnailWidth: 640 })
      expect(await studio.vault.has(done.id, 'still')).toBe(true)
      expect((await studio.app.inject({ method: 'DELETE', url: `/api/jobs/${done.id}` })).statusCode).toBe(204)
      expect((await get(`/api/jobs/${done.id}/still`)).statusCode).toBe(404)
      for (let waited = 0; (await studio.vault.keys()).some((key) => key.startsWith(done.id)); waited += 50) {
        if (waited > 10_000) throw new Error(`not purged: ${(await studio.vault.keys()).join()}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(await studio.vault.has(done.id, 'still')).toBe(false)
    })

    it('names a download after the prompt and the take letter, RFC 5987 for non-ASCII', async () => {
      const reply = await get(`/api/jobs/${take.id}/video?download=1`)
      const suffix = take.id.slice(-6)
      expect(reply.headers['content-disposition']).toBe(
        `attachment; filename="cafe-at-dawn-take-A-${suffix}.mp4"; filename*=UTF-8''caf%C3%A9-at-dawn-%E6%9D%B1%E4%BA%AC-take-A-${suffix}.mp4`,
      )
      expect(reply.rawPayload.subarray(4, 8).toString('latin1')).toBe('ftyp')
    })

    it('serves the spritesheet as JPEG', async () => {
      const reply = await get(`/api/jobs/${take.id}/spritesheet`)
      expect(reply.headers['content-type']).toBe('image/jpeg')
      expect(reply.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    })

    it('answers 404 for unknown jobs, media and a missing reference; 409 before completion', async () => {
      expect((await get('/api/jobs/job_unknown000000/video')).statusCode).toBe(404)
      expect((await get('/api/jobs/job_unknown000000/still')).statusCode).toBe(404)
      expect((await get(`/api/jobs/${take.id}/sidecar`)).statusCode).toBe(404)
      expect((await get(`/api/jobs/${take.id}/reference`)).statusCode).toBe(404)
      const body = multipartBody({
        prompt: 'slow one [sim:slow]',
        model: 'sora-2',
        size: '720x1280',
        seconds: '4',
      })
      const slow = jobSchema.parse(
        (await studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })).json(),
      )
      for (const asset of ['video', 'thumbnail', 'still']) {
        const early = await get(`/api/jobs/${slow.id}/${asset}`)
        expect(early.statusCode, asset).toBe(409)
        expect(early.json()).toMatchObject({ error: { code: 'conflict' } })
      }
    })

    it('extracts the last frame by default, as PNG at the take size', async () => {
      const last = await get(`/api/jobs/${take.id}/frame`)
      expect(last.statusCode, last.body).toBe(200)
      expect(last.headers['content-type']).toBe('image/png')
      expect(await sharp(last.rawPayload).metadata()).toMatchObject({
        format: 'png',
        width: 720,
        height: 1280,
      })
      const first = await get(`/api/jobs/${take.id}/frame?t=0`)
      expect(await sharp(first.rawPayload).metadata()).toMatchObject({ width: 720, height: 1280 })
      // The running timecode differs between the first and the last frame.
      expect(first.rawPayload.equals(last.rawPayload)).toBe(false)
      const pastTheEnd = await get(`/api/jobs/${take.id}/frame?t=99`)
      expect(pastTheEnd.statusCode).toBe(200)
      expect((await get(`/api/jobs/${take.id}/frame?t=-1`)).statusCode).toBe(400)
      expect((await get('/api/jobs/job_unknown000000/frame')).statusCode).toBe(404)
    })

    it('answers a finished take whose video is gone with 404 naming it, not a failed ffmpeg', async () => {
      const gone = await seedJob(studio.repo, {
        status: 'completed',
        completedAt: new Date().toISOString(),
      })
      const reply = await get(`/api/jobs/${gone.id}/frame`)
      expect(reply.statusCode).toBe(404)
      const { error } = reply.json<{ error: { code: string; message: string } }>()
      expect(error.code).toBe('not_found')
      expect(error.message).toMatch(/video is missing/)
    })
  })
})
