import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { jobSchema, type Job } from '../../contract/job'
import { multipartBody } from '../testing/multipart'
import { seedJob } from '../testing/seed-job'
import { isDone, startTestStudio, type TestStudio } from '../testing/test-studio'
import type { Upstream } from '../upstream/types'

/** The reference is fitted after the 201, in the job's submission step (ADR 008). */
let studio: TestStudio | null = null
afterEach(async () => {
  await studio?.close()
  studio = null
})

const settings = { model: 'sora-2', size: '1280x720', seconds: '4' }

/** Counts the creates the provider hears, to show a resumed fit is sent exactly once. */
function countCreates(counter: { creates: number }) {
  return (upstream: Upstream): Upstream => ({
    ...upstream,
    create: (request) => {
      counter.creates += 1
      return upstream.create(request)
    },
  })
}

async function post(s: TestStudio, prompt: string, data: Buffer) {
  const body = multipartBody({ prompt, ...settings }, { filename: 'ref.png', contentType: 'image/png', data })
  return s.app.inject({ method: 'POST', url: '/api/jobs', ...body })
}

const red = () => sharp({ create: { width: 400, height: 300, channels: 3, background: '#ff0000' } }).png().toBuffer()
const jobDirs = (s: TestStudio) => fs.readdirSync(path.join(s.dataDir, 'vault')).filter((d) => d.startsWith('job_'))

describe('a reference image fitted after the 201', () => {
  it('answers 201 with the job submitting, then fits, sends and renders it', async () => {
    studio = await startTestStudio()
    const reply = await post(studio, 'fitted later', await red())
    expect(reply.statusCode, reply.body).toBe(201)
    const created = jobSchema.parse(reply.json())
    expect(created).toMatchObject({ status: 'submitting', reference: null })
    const done = await studio.waitForJob(created.id, isDone)
    expect(done.status).toBe('completed')
    expect(done.reference).toEqual({ url: `/api/jobs/${done.id}/reference`, width: 1280, height: 720 })
    const served = await studio.app.inject({ method: 'GET', url: done.reference?.url ?? '' })
    expect(await sharp(served.rawPayload).metadata()).toMatchObject({ width: 1280, height: 720, format: 'png' })
  })

  it('still refuses a decompression bomb by its header before the 201, storing nothing', async () => {
    studio = await startTestStudio()
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#000' }, limitInputPixels: false })
      .png({ compressionLevel: 9 })
      .toBuffer()
    const reply = await post(studio, 'a bomb', bomb)
    expect(reply.statusCode).toBe(413)
    expect(reply.json()).toMatchObject({ error: { code: 'payload_too_large', field: 'input_reference' } })
    expect(jobDirs(studio)).toEqual([])
    expect((await studio.repo.list({ limit: 10 })).items).toEqual([])
  })

  it('fails a job whose image breaks off after a sound header, with the reason and a Retry that refits', async () => {
    const counter = { creates: 0 }
    studio = await startTestStudio({ overrides: { wrapUpstream: countCreates(counter) } })
    const whole = await red()
    const reply = await post(studio, 'a cut image', whole.subarray(0, whole.length - 40))
    expect(reply.statusCode, reply.body).toBe(201)
    const failed = await studio.waitForJob(jobSchema.parse(reply.json()).id, isDone)
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'reference_unreadable', kind: 'invalid_request' }, costUsd: 0 })
    expect(failed.error?.message).toMatch(/could not be decoded/)
    expect(counter.creates).toBe(0)
    // Retry tries the same original again: it is the client's image, kept with the failed job.
    const retry = await studio.app.inject({ method: 'POST', url: `/api/jobs/${failed.id}/retry` })
    expect(retry.statusCode).toBe(201)
    const again: Job = await studio.waitForJob(jobSchema.parse(retry.json()).id, isDone)
    expect(again.error?.code).toBe('reference_unreadable')
    expect(await studio.vault.has(again.id, 'reference-original')).toBe(true)
  })

  it('resumes a fit a restart interrupted, and sends the take exactly once', async () => {
    const counter = { creates: 0 }
    studio = await startTestStudio({ overrides: { wrapUpstream: countCreates(counter) } })
    // What a crash between the 201 and the fit leaves: the row submitting, the original in the vault.
    const job = await seedJob(studio.repo, {
      id: 'job_fitinterrupt01',
      provider: 'simulator',
      prompt: 'caught before its fit',
      size: '1280x720',
      status: 'submitting',
    })
    await studio.vault.writeFile(job.id, 'reference-original', await red())
    await studio.watcher.resume()
    const done = await studio.waitForJob(job.id, isDone)
    expect(done).toMatchObject({ status: 'completed', reference: { width: 1280, height: 720 } })
    expect(counter.creates).toBe(1)
  })
})
