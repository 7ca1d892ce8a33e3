import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { LightMyRequestResponse } from 'fastify'
import { buildSimulator, type SimulatorApp, type SimulatorOptions } from '../server'
import type { VideoResource } from '../video'

/** Test helpers for the simulator's own tests (not shipped behaviour). */

export interface TestSim {
  app: SimulatorApp
  dataDir: string
  cleanup: () => Promise<void>
}

export async function makeTempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dailies-sim-'))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

export async function makeSim(opts: Partial<SimulatorOptions> = {}): Promise<TestSim> {
  const temp = await makeTempDir()
  const dataDir = opts.dataDir ?? temp.dir
  const app = await buildSimulator({ timeScale: 0, ...opts, dataDir })
  return {
    app,
    dataDir,
    cleanup: async () => {
      await app.close()
      await temp.remove()
    },
  }
}

export interface FilePart {
  bytes: Buffer
  filename: string
  type: string
}

/** A multipart/form-data body built by the platform's own FormData, as a client would send it. */
export async function multipart(
  fields: Record<string, string>,
  files: Record<string, FilePart> = {},
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  for (const [name, file] of Object.entries(files)) {
    form.append(name, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.filename)
  }
  const encoded = new Response(form)
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
  }
}

export async function postVideo(
  app: SimulatorApp,
  fields: Record<string, string>,
  files: Record<string, FilePart> = {},
): Promise<LightMyRequestResponse> {
  const body = await multipart(fields, files)
  return app.inject({ method: 'POST', url: '/v1/videos', ...body })
}

export async function getVideo(app: SimulatorApp, id: string): Promise<VideoResource> {
  const res = await app.inject({ method: 'GET', url: `/v1/videos/${id}` })
  if (res.statusCode !== 200) throw new Error(`GET ${id}: ${res.statusCode} ${res.body}`)
  return res.json<VideoResource>()
}

/** Polls like a client would, recording every state seen, until the video is terminal. */
export async function pollUntilDone(
  app: SimulatorApp,
  id: string,
  intervalMs = 40,
  timeoutMs = 30_000,
): Promise<{ final: VideoResource; seen: VideoResource[] }> {
  const seen: VideoResource[] = []
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const video = await getVideo(app, id)
    seen.push(video)
    if (video.status === 'completed' || video.status === 'failed') return { final: video, seen }
    if (Date.now() > deadline) throw new Error(`video ${id} still ${video.status}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

export function errorOf(res: LightMyRequestResponse): {
  message: string
  type: string
  param: string | null
  code: string | null
} {
  return res.json<{
    error: { message: string; type: string; param: string | null; code: string | null }
  }>().error
}
