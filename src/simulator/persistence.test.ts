import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildSimulator, startSimulator } from './server'
import { getVideo, makeTempDir, multipart, pollUntilDone, postVideo } from './testing/test-sim'
import type { VideoResource } from './video'

function ffmpegChildren(): string[] {
  if (process.platform !== 'linux') return []
  try {
    const out = execFileSync('ps', ['-o', 'comm=', '--ppid', String(process.pid)], {
      encoding: 'utf8',
    })
    return out.split('\n').filter((name) => name.includes('ffmpeg'))
  } catch {
    return [] // ps exits 1 when there are no children
  }
}

describe('simulator persistence', () => {
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('resumes an unfinished job after a restart on the same data dir', async () => {
    const temp = await makeTempDir()
    cleanups.push(temp.remove)
    const first = await startSimulator({ dataDir: temp.dir, timeScale: 0.5 })
    const body = await multipart({ prompt: 'survives a restart', seconds: '4' })
    const res = await fetch(`${first.baseURL}/videos`, {
      method: 'POST',
      headers: body.headers,
      body: new Uint8Array(body.payload),
    })
    expect(res.status).toBe(200)
    const { id } = (await res.json()) as VideoResource
    for (;;) {
      const video = (await (await fetch(`${first.baseURL}/videos/${id}`)).json()) as VideoResource
      if (video.progress >= 10) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await first.close()
    const onDisk = JSON.parse(
      await readFile(path.join(temp.dir, 'videos', `${id}.json`), 'utf8'),
    ) as VideoResource
    expect(onDisk.status).toBe('in_progress')

    const second = await buildSimulator({ dataDir: temp.dir, timeScale: 0 })
    cleanups.push(() => second.close())
    const resumed = await getVideo(second, id)
    expect(resumed.progress).toBeGreaterThanOrEqual(10)
    const { final } = await pollUntilDone(second, id)
    expect(final.status).toBe('completed')
    const content = await second.inject({ method: 'GET', url: `/v1/videos/${id}/content` })
    expect(content.statusCode).toBe(200)
    expect(content.rawPayload.length).toBeGreaterThan(1000)
  })

  it('close() stops a running render at once and leaves no ffmpeg behind', async () => {
    const temp = await makeTempDir()
    cleanups.push(temp.remove)
    const sim = await buildSimulator({ dataDir: temp.dir, timeScale: 0 })
    const res = await postVideo(sim, {
      prompt: 'long render',
      model: 'sora-2-pro',
      size: '1792x1024',
      seconds: '12',
    })
    expect(res.statusCode).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(ffmpegChildren().length).toBeGreaterThan(0)
    const started = Date.now()
    await sim.close()
    expect(Date.now() - started).toBeLessThan(1500)
    expect(ffmpegChildren()).toEqual([])
  })
})
