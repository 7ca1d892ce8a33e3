import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { jobSchema, type Job } from '../../contract/job'
import { FullDiskVault } from '../testing/full-disk-vault'
import { multipartBody } from '../testing/multipart'
import { isDone, startTestStudio, type TestStudio } from '../testing/test-studio'
import { startTestSimulator, type TestSimulator } from '../testing/test-simulator'
import { listFiles } from '../testing/vault-snapshot'

let studio: TestStudio | null = null
let simulator: TestSimulator | null = null
afterEach(async () => {
  await studio?.close()
  await simulator?.close()
  studio = null
  simulator = null
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const MEDIA = {
  video: 'video.mp4',
  thumbnail: 'thumbnail.webp',
  spritesheet: 'spritesheet.jpg',
} as const

describe('a full disk while archiving', () => {
  // The archive writes video, thumbnail, spritesheet, then the sidecar: the disk fills before each.
  it.each([0, 1, 3])(
    'keeps the job archiving with a clear message and no partial file, and completes once space is back (%i files fit)',
    async (filesThatFit) => {
      let vault: FullDiskVault | null = null
      const sim = (simulator = await startTestSimulator())
      studio = await startTestStudio({
        upstream: { baseURL: sim.baseURL, apiKey: 'test-key', keyName: 'DAILIES_UPSTREAM_KEY' },
        overrides: { createVault: (root) => (vault = new FullDiskVault(root)) },
      })
      const s = studio
      const disk = vault as FullDiskVault | null
      if (!disk) throw new Error('the studio did not build its vault through the override')
      disk.fillAfter(filesThatFit)

      const reply = await s.app.inject({
        method: 'POST',
        url: '/api/jobs',
        ...multipartBody({
          prompt: 'a take for a full disk',
          model: 'sora-2',
          size: '720x1280',
          seconds: '4',
        }),
      })
      const job = jobSchema.parse(reply.json())
      const stuck = await s.waitForJob(job.id, (j) => j.error !== null || isDone(j), 20_000)
      expect(stuck).toMatchObject({
        status: 'archiving',
        media: null,
        error: {
          code: 'archive_retrying',
          message: 'Could not save the take: the disk is full. Retrying…',
        },
      })
      const upstreamId = stuck.upstreamId ?? ''
      const original = {
        video: await sim.content(upstreamId, 'video'),
        thumbnail: await sim.content(upstreamId, 'thumbnail'),
        spritesheet: await sim.content(upstreamId, 'spritesheet'),
      }

      // While the disk stays full: retried, never failed, and whatever is in the job's folder is whole.
      const refusedBefore = disk.refused
      const seen: Job[] = []
      for (let i = 0; i < 10; i++) {
        seen.push(await s.getJob(job.id))
        const files = listFiles(disk.dirOf(job.id))
        expect(files).not.toContain('job.json')
        expect(files.length).toBeLessThanOrEqual(filesThatFit)
        for (const [variant, name] of Object.entries(MEDIA) as [keyof typeof MEDIA, string][]) {
          if (!files.includes(name)) continue
          expect(
            fs.readFileSync(disk.pathOf(job.id, variant)).equals(original[variant]),
            name,
          ).toBe(true)
        }
        await sleep(100)
      }
      expect(new Set(seen.map((j) => j.status))).toEqual(new Set(['archiving']))
      expect(seen.every((j) => j.error?.code === 'archive_retrying' && j.media === null)).toBe(true)
      expect(disk.refused).toBeGreaterThan(refusedBefore)

      disk.free()
      const done = await s.waitForJob(job.id, isDone)
      expect(done).toMatchObject({ status: 'completed', error: null })

      // Nothing corrupt: the vault holds exactly the provider's files, and no leftovers.
      expect(listFiles(disk.tempDir)).toEqual([])
      expect(listFiles(disk.dirOf(job.id))).toEqual([
        'job.json',
        'spritesheet.jpg',
        'still.webp',
        'thumbnail.webp',
        'video.mp4',
      ])
      const sidecar = JSON.parse(fs.readFileSync(disk.pathOf(job.id, 'sidecar'), 'utf8')) as {
        files: Record<string, number>
      }
      for (const variant of ['video', 'thumbnail', 'spritesheet'] as const) {
        expect(
          fs.readFileSync(disk.pathOf(job.id, variant)).equals(original[variant]),
          variant,
        ).toBe(true)
        expect(sidecar.files[variant]).toBe(original[variant].length)
      }
    },
  )
})
