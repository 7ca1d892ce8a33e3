import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import sharp from 'sharp'
import { UPLOAD_LIMITS } from '../../src/contract/capabilities'
import { multipartBody } from '../../src/server/testing/multipart'
import { spawnChild, type Memory } from './child'
import type { Bench } from './context'
import { cacheDir } from './seed'
import type { SimulatorChildConfig } from './simulator-child'
import { MB, mean, sleep } from './stats'
import type { StudioChildConfig } from './studio-child'
import { fixed, row } from './table'

const UPLOADS = 10
const IMAGE_BYTES = 20_000_000
/** MB the RSS may grow by: about twice the 10 uploads together (10 × 20 MB); see the README. */
const RSS_BUDGET = 400
const UPLOAD_RATIO_TARGET = 2

/** A PNG of random pixels (so it does not compress) of about 20 MB: 2581² px, 6.7 MP. */
async function noisePng(): Promise<Buffer> {
  const file = path.join(cacheDir(), 'reference-noise-20mb.png')
  if (!fs.existsSync(file)) {
    const side = Math.floor(Math.sqrt(IMAGE_BYTES / 3))
    const pixels = randomBytes(side * side * 3)
    await sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
      .png({ compressionLevel: 0, adaptiveFiltering: false })
      .toFile(`${file}.tmp`)
    fs.renameSync(`${file}.tmp`, file)
  }
  const png = fs.readFileSync(file)
  if (png.length > UPLOAD_LIMITS.maxBytes)
    throw new Error(`the noise PNG is ${png.length} bytes, over the upload limit`)
  return png
}

function post(
  url: string,
  body: { payload: Buffer; headers: Record<string, string> },
): Promise<{ status: number; ms: number; text: string }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { ...body.headers, 'content-length': String(body.payload.length) },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, text }),
        )
      },
    )
    request.on('error', reject)
    request.end(body.payload)
  })
}

/** Polls each job until it has left `submitting`: its reference fitted and the provider called. */
async function untilSent(jobsUrl: string, ids: string[]): Promise<void> {
  const deadline = performance.now() + 120_000
  for (const id of ids) {
    for (;;) {
      const reply = await fetch(`${jobsUrl}/${id}`)
      const job = (await reply.json()) as {
        status: string
        error: { code: string; message: string } | null
      }
      // The prompt's moderation ends each job later, upstream; a failed fit is a broken benchmark.
      if (job.error?.code.startsWith('reference_'))
        throw new Error(`upload ${id}: ${job.error.message}`)
      if (job.status !== 'submitting') break
      if (performance.now() > deadline) throw new Error(`upload ${id} still submitting after 120 s`)
      await sleep(50)
    }
  }
}

/** 6. Uploads: 10 concurrent 20 MB reference images posted to the studio; its peak RSS and times. */
export const benchUploads: Bench = async (ctx) => {
  const png = await noisePng()
  // `[sim:moderation]` makes the simulator accept the job and never render it: no ffmpeg
  // competes with the studio for the CPU while it takes the uploads.
  const body = multipartBody(
    {
      prompt: 'A reference upload benchmark [sim:moderation]',
      model: 'sora-2',
      size: '720x1280',
      seconds: '4',
    },
    { filename: 'noise.png', contentType: 'image/png', data: png },
  )
  const simulator = await spawnChild('simulator-child.ts', {
    dataDir: ctx.tempDir('uploads-sim'),
    timeScale: 1,
  } satisfies SimulatorChildConfig)
  ctx.defer(() => simulator.close())
  const upstreamURL = await simulator.call<string>('baseURL')
  const studio = await spawnChild('studio-child.ts', {
    dataDir: ctx.tempDir('uploads'),
    upstreamURL,
  } satisfies StudioChildConfig)
  ctx.defer(() => studio.close())
  const plain = await spawnChild('baseline-child.ts', {
    mode: 'upload',
    dir: ctx.tempDir('uploads-plain'),
  })
  ctx.defer(() => plain.close())
  const studioUrl = `http://127.0.0.1:${await studio.call<number>('port')}/api/jobs`
  const plainUrl = `http://127.0.0.1:${await plain.call<number>('port')}/upload`

  ctx.log(`uploads: ${UPLOADS} × ${fixed(png.length / MB)} MB PNG, plain node:http to disk`)
  const raw = await Promise.all(Array.from({ length: UPLOADS }, () => post(plainUrl, body)))
  ctx.log('uploads: the same to POST /api/jobs')
  await sleep(500)
  await studio.call('reset-peak')
  const before = await studio.call<Memory>('memory')
  const started = performance.now()
  const replies = await Promise.all(Array.from({ length: UPLOADS }, () => post(studioUrl, body)))
  const wall = (performance.now() - started) / 1000
  const refused = replies.filter((r) => r.status !== 201)
  if (refused.length > 0)
    throw new Error(
      `${refused.length} uploads refused: ${refused[0]?.status} ${refused[0]?.text ?? ''}`,
    )
  // The fits follow the 201 (ADR 008): the memory peak and the time to the provider include them.
  await untilSent(
    studioUrl,
    replies.map((r) => (JSON.parse(r.text) as { id: string }).id),
  )
  const sent = (performance.now() - started) / 1000
  const after = await studio.call<Memory>('memory')

  const growth = (after.peak - before.rss) / MB
  const uploadRatio = mean(replies.map((r) => r.ms)) / mean(raw.map((r) => r.ms))
  const times = replies.map((r) => r.ms / 1000)
  return [
    row(
      '6',
      `RSS, ${UPLOADS} concurrent ${fixed(png.length / 1e6, 0)} MB uploads`,
      `+${fixed(growth, 0)} MB (${fixed(before.rss / MB, 0)} → peak ${fixed(after.peak / MB, 0)} MB)`,
      `growth < ${fixed(RSS_BUDGET, 0)} MB`,
      growth < RSS_BUDGET,
    ),
    row(
      '6',
      'time per upload, 10 at once (to 201)',
      `mean ${fixed(mean(times))} s, max ${fixed(Math.max(...times))} s, all ${fixed(wall)} s`,
    ),
    row(
      '6',
      'all 10 fitted and sent to the provider (after their 201)',
      `${fixed(sent)} s from the first byte`,
    ),
    row(
      '6',
      'same bodies piped to disk by plain node:http',
      `mean ${fixed(mean(raw.map((r) => r.ms / 1000)))} s`,
    ),
    row(
      '6',
      'upload to 201 ÷ piped to disk (means)',
      fixed(uploadRatio, 2),
      `≤ ${UPLOAD_RATIO_TARGET}`,
      uploadRatio <= UPLOAD_RATIO_TARGET,
    ),
  ]
}
