import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { jobListSchema } from '../../contract/api'
import { errorEnvelopeSchema } from '../../contract/errors'
import { jobSchema } from '../../contract/job'
import { FullDiskVault } from '../testing/full-disk-vault'
import { multipartBody } from '../testing/multipart'
import { seedJob } from '../testing/seed-job'
import { isDone, startTestStudio, type TestStudio } from '../testing/test-studio'
import { listFiles, snapshot } from '../testing/vault-snapshot'

let studio: TestStudio | null = null
afterEach(async () => {
  await studio?.close()
  studio = null
})

const FULL_DISK_MESSAGE =
  "The studio's disk is full, so nothing was saved. Free some space on the studio's machine and try again."

async function referenceImage(): Promise<Buffer> {
  // Noise, so the PNG is larger than one stream chunk and the disk fills in the middle of it.
  const pixels = randomBytes(400 * 600 * 3)
  return sharp(pixels, { raw: { width: 400, height: 600, channels: 3 } })
    .png()
    .toBuffer()
}

async function studioOnFullDisk(): Promise<{ s: TestStudio; disk: FullDiskVault }> {
  let vault: FullDiskVault | null = null
  studio = await startTestStudio({
    overrides: { createVault: (root) => (vault = new FullDiskVault(root)) },
  })
  const disk = vault as FullDiskVault | null
  if (!disk) throw new Error('the studio did not build its vault through the override')
  return { s: studio, disk }
}

const uploadTo = (s: TestStudio, image: Buffer) =>
  s.app.inject({
    method: 'POST',
    url: '/api/jobs',
    ...multipartBody(
      { prompt: 'a take with a reference', model: 'sora-2', size: '720x1280', seconds: '4' },
      { filename: 'noise.png', contentType: 'image/png', data: image },
    ),
  })

describe('a full disk while an upload is saved', () => {
  // The upload itself cannot be written.
  it.each([0])(
    'answers 507 with a plain message, keeps no partial file and no row, and reads go on (%i files fit)',
    async (filesThatFit) => {
      const { s, disk } = await studioOnFullDisk()
      const earlier = await seedJob(s.repo, {
        status: 'completed',
        progress: 100,
        completedAt: new Date().toISOString(),
      })
      await s.vault.writeFile(earlier.id, 'video', Buffer.from('an earlier take'))
      const image = await referenceImage()
      expect(image.length).toBeGreaterThan(128 * 1024)
      const before = await snapshot(s)

      disk.fillAfter(filesThatFit)
      const upload = () => uploadTo(s, image)
      const refused = await upload()
      expect(refused.statusCode).toBe(507)
      expect(errorEnvelopeSchema.parse(refused.json())).toEqual({
        error: { code: 'insufficient_storage', message: FULL_DISK_MESSAGE },
      })
      expect(disk.refused).toBeGreaterThan(0)
      expect(await snapshot(s)).toEqual(before)
      expect(listFiles(disk.tempDir)).toEqual([])

      const list = await s.app.inject({ method: 'GET', url: '/api/jobs' })
      expect(list.statusCode).toBe(200)
      expect(jobListSchema.parse(list.json()).items.map((job) => job.id)).toEqual([earlier.id])
      const video = await s.app.inject({ method: 'GET', url: `/api/jobs/${earlier.id}/video` })
      expect(video.statusCode).toBe(200)
      expect(video.body).toBe('an earlier take')

      disk.free()
      const accepted = await upload()
      expect(accepted.statusCode).toBe(201)
      const job = jobSchema.parse(accepted.json())
      await s.waitForJob(job.id, (j) => j.status !== 'submitting')
      expect(listFiles(disk.dirOf(job.id))).toEqual(['reference-original', 'reference.png'])
      expect(fs.readFileSync(disk.pathOf(job.id, 'reference-original')).equals(image)).toBe(true)
    },
  )

  // The upload fits, the fitted reference image does not: that write comes after the 201 (ADR 008).
  it('fails the job with the reason when the fitted reference cannot be saved, keeps no partial file, and Retry renders it', async () => {
    const { s, disk } = await studioOnFullDisk()
    const image = await referenceImage()
    disk.fillAfter(1)
    const accepted = await uploadTo(s, image)
    expect(accepted.statusCode).toBe(201)
    const failed = await s.waitForJob(jobSchema.parse(accepted.json()).id, isDone)
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'reference_failed', kind: 'studio' } })
    expect(failed.error?.message).toMatch(/disk is full/)
    expect(disk.refused).toBeGreaterThan(0)
    expect(listFiles(disk.dirOf(failed.id))).toEqual(['reference-original'])
    expect(listFiles(disk.tempDir)).toEqual([])

    disk.free()
    const retry = await s.app.inject({ method: 'POST', url: `/api/jobs/${failed.id}/retry` })
    expect(retry.statusCode).toBe(201)
    const done = await s.waitForJob(jobSchema.parse(retry.json()).id, isDone)
    expect(done).toMatchObject({ status: 'completed', reference: { width: 720, height: 1280 } })
  })
})
