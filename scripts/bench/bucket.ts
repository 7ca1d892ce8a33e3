import fs from 'node:fs'
import path from 'node:path'
import type { S3Settings } from '../../src/server/config'
import { S3Vault } from '../../src/server/vault/s3-vault'
import { spawnChild } from './child'
import type { Bench } from './context'
import { download } from './http-client'
import { compare } from './media'
import { cachedRandomFile, completedRecord, openStore } from './seed'
import { MB, median } from './stats'
import type { StudioChildConfig } from './studio-child'
import { fixed, row } from './table'

/** A long take: 20 MB, the upper end of what a provider sends. */
const FILE_BYTES = 20 * MB
const LATENCY_SAMPLES = 40

/** Median time to the whole of a 1 KB range: what seeking in a video waits for. */
async function seekLatency(url: string): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const start = (i * 997 * 1024) % (FILE_BYTES - 1024)
    const reply = await download(url, { headers: { range: `bytes=${start}-${start + 1023}` } })
    if (reply.status !== 206 || reply.bytes !== 1024) throw new Error(`${url}: ${reply.status}, ${reply.bytes} bytes`)
    times.push(reply.ms)
  }
  return median(times)
}

/**
 * 9. Media from the bucket: the studio streaming a take from S3 (with Range) against a plain
 * GET of the same object from the S3 server, which is what a redirect to a presigned URL would
 * give the browser (docs/decisions/005-media-delivery.md).
 */
export const benchBucket: Bench = async (ctx) => {
  const file = cachedRandomFile('video-20mb.bin', FILE_BYTES)
  const s3 = await spawnChild('s3-child.ts', {})
  ctx.defer(() => s3.close())
  const settings = await s3.call<S3Settings>('settings')

  const dataDir = ctx.tempDir('bucket')
  const store = await openStore(dataDir)
  const job = completedRecord(1, { hasThumbnail: false, hasSpritesheet: false })
  await store.repo.insert(job)
  await store.close()
  const bucket = new S3Vault(settings, path.join(dataDir, 'tmp'))
  await bucket.writeStream(job.id, 'video', fs.createReadStream(file), FILE_BYTES)
  // A presigned URL (the redirect's target), so the plain GET is signed as the browser's would be.
  const plainUrl = await bucket.ffmpegInput(job.id, 'video')

  const studio = await spawnChild('studio-child.ts', { dataDir, s3: settings } satisfies StudioChildConfig)
  ctx.defer(() => studio.close())
  const studioUrl = `http://127.0.0.1:${await studio.call<number>('port')}/api/jobs/${job.id}/video`

  ctx.log('bucket: 4 MB ranges, studio streaming from the bucket vs plain GETs of the object')
  const ranges = await compare(studioUrl, plainUrl, 'ranges', FILE_BYTES)
  ctx.log('bucket: whole-file GETs, studio vs plain')
  const whole = await compare(studioUrl, plainUrl, 'whole', FILE_BYTES)
  ctx.log('bucket: 1 KB seeks, studio vs plain')
  const plainSeek = await seekLatency(plainUrl)
  const studioSeek = await seekLatency(studioUrl)

  const mbps = (n: number) => `${Math.round(n).toLocaleString('en')} MB/s`
  return [
    row(
      '9',
      '4 MB Range GETs from the bucket, throughput studio ÷ plain S3 GET',
      `${fixed(ranges.ratio, 2)} (${mbps(ranges.studio)} ÷ ${mbps(ranges.plain)})`,
      '≥ 0.4',
      ranges.ratio >= 0.4,
    ),
    row(
      '9',
      'whole-file GETs from the bucket, throughput studio ÷ plain S3 GET',
      `${fixed(whole.ratio, 2)} (${mbps(whole.studio)} ÷ ${mbps(whole.plain)})`,
      '≥ 0.4',
      whole.ratio >= 0.4,
    ),
    row(
      '9',
      '1 KB seek, median time studio ÷ plain S3 GET',
      `${fixed(studioSeek / plainSeek, 2)} (${fixed(studioSeek, 1)} ms ÷ ${fixed(plainSeek, 1)} ms)`,
      '≤ 3',
      studioSeek / plainSeek <= 3,
    ),
  ]
}
