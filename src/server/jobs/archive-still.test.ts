import { Readable } from 'node:stream'
import { afterEach, expect, it } from 'vitest'
import { jobSchema } from '../../contract/job'
import { captureLogs } from '../testing/log-capture'
import { multipartBody } from '../testing/multipart'
import { isDone, startTestStudio, type TestStudio } from '../testing/test-studio'
import type { Upstream } from '../upstream/types'

/** A provider whose thumbnails are not pictures ffmpeg can read (its videos are fine). */
const unreadableThumbnails = (upstream: Upstream): Upstream => ({
  ...upstream,
  async download(id, variant, signal) {
    if (variant !== 'thumbnail') return upstream.download(id, variant, signal)
    const bytes = Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPnot really a picture')
    return { body: Readable.from([bytes]), contentType: 'image/webp', contentLength: bytes.length }
  },
})

let studio: TestStudio | null = null
afterEach(() => studio?.close())

it('a still ffmpeg cannot make does not fail the take: it completes with its thumbnail, no still, and a warning', async () => {
  const logs = captureLogs()
  studio = await startTestStudio({
    config: { logLevel: 'warn' },
    overrides: { wrapUpstream: unreadableThumbnails, logStream: logs.stream },
  })
  const body = multipartBody({ prompt: 'a take with a broken thumbnail', model: 'sora-2', size: '720x1280', seconds: '4' })
  const created = jobSchema.parse((await studio.app.inject({ method: 'POST', url: '/api/jobs', ...body })).json())
  const job = await studio.waitForJob(created.id, isDone)

  expect(job).toMatchObject({ status: 'completed', error: null })
  expect(job.media).toMatchObject({ thumbnail: `/api/jobs/${job.id}/thumbnail`, still: null })
  expect((await studio.app.inject({ url: `/api/jobs/${job.id}/still` })).statusCode).toBe(404)
  expect(await studio.vault.keys()).not.toContain(`${job.id}/still.webp`)
  const warning = logs.entries().find((entry) => entry.jobId === job.id && entry.level === 40)
  expect(warning?.msg).toMatch(/still/)
})
