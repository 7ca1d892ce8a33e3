import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CROSSFADE_SECONDS, reelDetailSchema, type ReelDetail } from '../../contract/reels'
import { frameColour, probeMedia } from '../../lib/testing/media-probe'
import { dominant, seedSolidTake } from '../testing/reel-shots'
import { startTestStudio, testStudioConfig, type TestStudio } from '../testing/test-studio'
import type { ExportRecord } from './reel-record'

let studio: TestStudio
beforeAll(async () => {
  studio = await startTestStudio()
})
afterAll(() => studio.close())

async function reel(id: string): Promise<ReelDetail> {
  return reelDetailSchema.parse((await studio.app.inject({ method: 'GET', url: `/api/reels/${id}` })).json())
}

async function exportAndWait(id: string, options: object): Promise<ReelDetail> {
  const started = await studio.app.inject({ method: 'POST', url: `/api/reels/${id}/export`, payload: options })
  expect(started.statusCode, started.body).toBe(202)
  expect(reelDetailSchema.parse(started.json()).export).toMatchObject({ status: 'rendering', video: null })
  const deadline = Date.now() + 90_000
  for (;;) {
    const current = await reel(id)
    if (current.export?.status !== 'rendering') return current
    if (Date.now() > deadline) throw new Error(`export stuck at ${current.export.progress}%`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function download(url: string): Promise<string> {
  const reply = await studio.app.inject({ method: 'GET', url })
  expect(reply.statusCode).toBe(200)
  const file = path.join(studio.dataDir, `reel-${Date.now()}.mp4`)
  fs.writeFileSync(file, reply.rawPayload)
  return file
}

const SHOTS = [
  { colour: 'red', size: '1280x720', seconds: 2 },
  // Another size and frame rate, with sound: it is fitted inside 1280x720 at the export's rate.
  { colour: 'lime', size: '720x1280', seconds: 3, fps: 30, tone: true },
  { colour: 'blue', size: '1280x720', seconds: 2 },
] as const
const EXPECTED = ['red', 'green', 'blue'] as const


/** An export still rendering in the store, as a crash (or a live replica elsewhere) leaves it. */
function rendering(jobId: string): ExportRecord {
  return {
    status: 'rendering',
    progress: 40,
    size: '1280x720',
    transition: 'cut',
    titleCards: false,
    jobIds: [jobId],
    seconds: 1,
    error: null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
  }
}

describe('reel export', () => {
  it('makes one MP4 of every shot in order: one size, one frame rate, the sum of their lengths', async () => {
    const takes = []
    for (const shot of SHOTS) takes.push(await seedSolidTake(studio, shot))
    const created = await studio.app.inject({
      method: 'POST',
      url: '/api/reels',
      payload: { name: 'Colour bars', jobIds: takes.map((take) => take.id) },
    })
    const { id } = reelDetailSchema.parse(created.json())

    const exported = await exportAndWait(id, { transition: 'cut' })
    expect(exported.export).toMatchObject({ status: 'completed', progress: 100, size: '1280x720', seconds: 7, stale: false })
    const film = await download(exported.export!.video!)
    const probe = await probeMedia(film)
    const video = probe.streams.filter((s) => s.codec_type === 'video')
    expect(video).toHaveLength(1)
    expect(video[0]).toMatchObject({ width: 1280, height: 720, r_frame_rate: '24/1' })
    expect(probe.streams.filter((s) => s.codec_type === 'audio')).toHaveLength(1)
    // Each shot may be off by 0.1 s at most.
    expect(Math.abs(probe.duration - 7)).toBeLessThanOrEqual(0.1 * SHOTS.length)
    expect(Math.abs(Number(video[0]!.duration) - 7)).toBeLessThanOrEqual(0.1 * SHOTS.length)

    // The middle of each shot, and just inside its edges, shows that shot's colour.
    const samples = [0.1, 1, 1.9, 2.1, 3.5, 4.9, 5.1, 6, 6.9]
    const seen = []
    for (const at of samples) seen.push(dominant(await frameColour(film, at, 'centre')))
    expect(seen).toEqual(EXPECTED.flatMap((colour) => [colour, colour, colour]))

    // Served with Range and a readable name.
    const ranged = await studio.app.inject({ method: 'GET', url: exported.export!.video!, headers: { range: 'bytes=0-99' } })
    expect(ranged.statusCode).toBe(206)
    expect(ranged.rawPayload.length).toBe(100)
    const named = await studio.app.inject({ method: 'GET', url: `/api/reels/${id}/video?download=1` })
    expect(named.headers['content-disposition']).toMatch(/filename="colour-bars-reel-\w{6}\.mp4"/)

    // A take deleted (and purged) later leaves the film whole.
    const bytes = fs.readFileSync(film)
    expect((await studio.app.inject({ method: 'DELETE', url: `/api/jobs/${takes[1]!.id}` })).statusCode).toBe(204)
    // What the purge does to its files once Undo is no longer possible.
    await studio.vault.remove(takes[1]!.id)
    const after = await studio.app.inject({ method: 'GET', url: `/api/reels/${id}/video` })
    expect(after.statusCode).toBe(200)
    expect(after.rawPayload.equals(bytes)).toBe(true)
    const listed = await reel(id)
    expect(listed.takes.map((take) => take.id)).toEqual([takes[0]!.id, takes[2]!.id])
    expect(listed.export?.status).toBe('completed')
  })

  it('cross-fades and titles the shots: shorter by the overlaps, still one size', async () => {
    const takes = []
    for (const shot of SHOTS) takes.push(await seedSolidTake(studio, { ...shot, tone: false }))
    const created = await studio.app.inject({
      method: 'POST',
      url: '/api/reels',
      payload: { name: 'Fades', jobIds: takes.map((take) => take.id) },
    })
    const { id } = reelDetailSchema.parse(created.json())
    const exported = await exportAndWait(id, { transition: 'crossfade', titleCards: true, size: '720x1280' })
    const seconds = 7 - 2 * CROSSFADE_SECONDS
    expect(exported.export).toMatchObject({ status: 'completed', size: '720x1280', seconds })
    const film = await download(exported.export!.video!)
    const probe = await probeMedia(film)
    expect(probe.streams).toEqual([expect.objectContaining({ codec_type: 'video', width: 720, height: 1280, r_frame_rate: '24/1' })])
    expect(Math.abs(probe.duration - seconds)).toBeLessThanOrEqual(0.1 * SHOTS.length)
    // Shot 2 starts fading in at 1.5 s and is whole from 2 s; shot 3 starts at 4 s.
    const seen = []
    for (const at of [1, 3, 5.5]) seen.push(dominant(await frameColour(film, at, 'centre')))
    expect(seen).toEqual(EXPECTED)
  })

  it('marks an export a restart interrupted as failed, and exports again', async () => {
    const take = await seedSolidTake(studio, { colour: 'red', size: '1280x720', seconds: 1 })
    const created = await studio.app.inject({ method: 'POST', url: '/api/reels', payload: { name: 'Again', jobIds: [take.id] } })
    const { id } = reelDetailSchema.parse(created.json())
    const { ReelRepository } = await import('./reel-repository')
    const repo = new ReelRepository(studio.db)
    // As a crash would leave it: still rendering in the store, no ffmpeg running.
    await repo.setExport(id, rendering(take.id))
    const { createStudio } = await import('../studio')
    // The same data folder opened again, as the next start would.
    const again = await createStudio(await testStudioConfig(studio.dataDir))
    try {
      const after = reelDetailSchema.parse((await again.app.inject({ method: 'GET', url: `/api/reels/${id}` })).json())
      expect(after.export).toMatchObject({ status: 'failed', error: { code: 'interrupted' }, video: null })
      const retried = await again.app.inject({ method: 'POST', url: `/api/reels/${id}/export`, payload: {} })
      expect(retried.statusCode).toBe(202)
    } finally {
      await again.close()
    }
  })

  it("leaves an export another live replica runs alone, and fails it once that replica's lease ran out", async () => {
    const take = await seedSolidTake(studio, { colour: 'red', size: '1280x720', seconds: 1 })
    const created = await studio.app.inject({ method: 'POST', url: '/api/reels', payload: { name: 'Elsewhere', jobIds: [take.id] } })
    const { id } = reelDetailSchema.parse(created.json())
    const { ReelRepository } = await import('./reel-repository')
    await new ReelRepository(studio.db).setExport(id, rendering(take.id))
    // Another replica (not this machine's process table) runs it, its lease renewed for a while yet.
    const holdUntil = (ms: number) =>
      studio.db
        .updateTable('reels')
        .set({ export_owner: 'elsewhere:1:abcd', export_until: new Date(Date.now() + ms).toISOString() })
        .where('id', '=', id)
        .execute()
    await holdUntil(60_000)
    const { createStudio } = await import('../studio')
    const again = await createStudio(await testStudioConfig(studio.dataDir, { leaseMs: 300 }))
    const exportOf = async () =>
      reelDetailSchema.parse((await again.app.inject({ method: 'GET', url: `/api/reels/${id}` })).json()).export
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(await exportOf()).toMatchObject({ status: 'rendering', progress: 40 })
      await holdUntil(-1)
      await expect.poll(exportOf, { timeout: 10_000 }).toMatchObject({ status: 'failed', error: { code: 'interrupted' } })
    } finally {
      await again.close()
    }
  })
})
