import fs from 'node:fs'
import http from 'node:http'
import { spawnChild, type Child, type Memory } from './child'
import type { Bench } from './context'
import { download } from './http-client'
import { cachedRandomFile, completedRecord, linkOrCopy, openStore } from './seed'
import { MB, median, sleep } from './stats'
import type { StudioChildConfig } from './studio-child'
import { fixed, row } from './table'

const FILE_BYTES = 50 * MB
const RANGE_BYTES = 4 * MB
const PARALLEL = 4
/** Whole-file GETs: as many connections as a team's tabs and downloads at once. */
const WHOLE_PARALLEL = 16
const RUN_SECONDS = 2
const ROUNDS = 3
const DOWNLOADS = 20
const RSS_ROUNDS = 2
/** Each of the 20 downloads reads at most this fast: slower than the disk, as a browser is. */
const CLIENT_RATE = 20 * MB

interface Run {
  bytes: number
  seconds: number
}

type Mode = 'ranges' | 'whole'

/**
 * For `RUN_SECONDS`, on keep-alive connections: `ranges`, PARALLEL clients fetching the file in
 * 4 MB ranges; `whole`, WHOLE_PARALLEL clients fetching all of it (as a browser's download or a
 * video without Range support does). Checks every answer's status and length.
 */
export async function throughput(url: string, mode: Mode, fileBytes = FILE_BYTES): Promise<Run> {
  const parallel = mode === 'ranges' ? PARALLEL : WHOLE_PARALLEL
  const agent = new http.Agent({ keepAlive: true, maxSockets: parallel })
  const ranges = Math.ceil(fileBytes / RANGE_BYTES)
  let next = 0
  let bytes = 0
  const started = performance.now()
  const deadline = started + RUN_SECONDS * 1000
  const worker = async () => {
    while (performance.now() < deadline) {
      const start = mode === 'ranges' ? (next++ % ranges) * RANGE_BYTES : 0
      const end = mode === 'ranges' ? Math.min(fileBytes, start + RANGE_BYTES) - 1 : fileBytes - 1
      const headers: Record<string, string> =
        mode === 'ranges' ? { range: `bytes=${start}-${end}` } : {}
      const reply = await download(url, { agent, headers })
      if (reply.status !== (mode === 'ranges' ? 206 : 200) || reply.bytes !== end - start + 1) {
        throw new Error(`${url} ${mode} ${start}-${end}: ${reply.status}, ${reply.bytes} bytes`)
      }
      bytes += reply.bytes
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker))
  agent.destroy()
  return { bytes, seconds: (performance.now() - started) / 1000 }
}

/** Warm-up, then plain and studio in turn; the ratio is the median pair's. */
export async function compare(studioUrl: string, plainUrl: string, mode: Mode, fileBytes = FILE_BYTES) {
  await throughput(plainUrl, mode, fileBytes)
  await throughput(studioUrl, mode, fileBytes)
  const pairs: Array<[Run, Run]> = []
  for (let i = 0; i < ROUNDS; i++)
    pairs.push([await throughput(plainUrl, mode, fileBytes), await throughput(studioUrl, mode, fileBytes)])
  const rate = (runs: Run[]) =>
    runs.reduce((n, r) => n + r.bytes, 0) / MB / runs.reduce((n, r) => n + r.seconds, 0)
  return {
    plain: rate(pairs.map(([p]) => p)),
    studio: rate(pairs.map(([, s]) => s)),
    ratio: median(pairs.map(([p, s]) => s.bytes / s.seconds / (p.bytes / p.seconds))),
  }
}

/**
 * RSS growth of a server while `DOWNLOADS` clients fetch the whole file at once, each reading
 * no faster than CLIENT_RATE: peak (kernel high-water mark) minus the RSS just before.
 */
interface Growth {
  before: number
  peak: number
  growth: number
  seconds: number
}

async function rssGrowth(server: Child, url: string): Promise<Growth> {
  await sleep(500)
  await server.call('reset-peak')
  const before = await server.call<Memory>('memory')
  const started = performance.now()
  const replies = await Promise.all(
    Array.from({ length: DOWNLOADS }, () => download(url, { bytesPerSecond: CLIENT_RATE })),
  )
  const seconds = (performance.now() - started) / 1000
  const after = await server.call<Memory>('memory')
  if (replies.some((r) => r.status !== 200 || r.bytes !== FILE_BYTES))
    throw new Error('a parallel download came back short')
  return {
    before: before.rss / MB,
    peak: after.peak / MB,
    growth: (after.peak - before.rss) / MB,
    seconds,
  }
}

/** Range, ETag and 304 still answered as they should be. */
async function checkHeaders(url: string, file: string): Promise<string[]> {
  const problems: string[] = []
  const whole = await download(url)
  const etag = whole.headers.etag
  if (!etag) problems.push('no ETag')
  if (whole.headers['accept-ranges'] !== 'bytes') problems.push('no Accept-Ranges')
  if (etag && (await download(url, { headers: { 'if-none-match': etag } })).status !== 304)
    problems.push('no 304')
  const part = await download(url, { headers: { range: 'bytes=1000-1999' }, keep: true })
  const expected = Buffer.alloc(1000)
  const fd = fs.openSync(file, 'r')
  fs.readSync(fd, expected, 0, 1000, 1000)
  fs.closeSync(fd)
  if (
    part.status !== 206 ||
    part.headers['content-range'] !== `bytes 1000-1999/${FILE_BYTES}` ||
    !part.body?.equals(expected)
  ) {
    problems.push('a wrong range answer')
  }
  return problems
}

/** 5. Media streaming: the studio's video route against a plain fs stream piped into node:http. */
export const benchMedia: Bench = async (ctx) => {
  const file = cachedRandomFile('video-50mb.bin', FILE_BYTES)
  const dataDir = ctx.tempDir('media')
  const store = await openStore(dataDir)
  const job = completedRecord(1, { hasThumbnail: false, hasSpritesheet: false })
  await store.repo.insert(job)
  linkOrCopy(file, store.vault.pathOf(job.id, 'video'))
  await store.close()

  const studio = await spawnChild('studio-child.ts', { dataDir } satisfies StudioChildConfig)
  ctx.defer(() => studio.close())
  const plain = await spawnChild('baseline-child.ts', { mode: 'stream', file })
  ctx.defer(() => plain.close())
  const studioUrl = `http://127.0.0.1:${await studio.call<number>('port')}/api/jobs/${job.id}/video`
  const plainUrl = `http://127.0.0.1:${await plain.call<number>('port')}/video`

  const problems = await checkHeaders(studioUrl, file)
  ctx.log('media: 4 MB ranges, studio vs plain stream')
  const ranges = await compare(studioUrl, plainUrl, 'ranges')
  ctx.log(`media: whole-file GETs at ${WHOLE_PARALLEL} connections, studio vs plain stream`)
  const whole = await compare(studioUrl, plainUrl, 'whole')

  ctx.log(`media: ${DOWNLOADS} parallel downloads, RSS of the studio and of the plain server`)
  // Twice each, in turn: when the GC runs decides much of the peak. The worse run counts.
  const runs: Array<readonly [Growth, Growth]> = []
  for (let i = 0; i < RSS_ROUNDS; i++)
    runs.push([await rssGrowth(plain, plainUrl), await rssGrowth(studio, studioUrl)] as const)
  const worst = (which: 0 | 1) =>
    runs.map((r) => r[which]).reduce((a, b) => (b.growth > a.growth ? b : a))
  const [plainRss, studioRss] = [worst(0), worst(1)]
  const growths = (which: 0 | 1) => runs.map((r) => fixed(r[which].growth, 0)).join(', ')

  const mbps = (n: number) => `${Math.round(n).toLocaleString('en')} MB/s`
  return [
    row(
      '5',
      '4 MB Range GETs, throughput studio ÷ plain',
      `${fixed(ranges.ratio, 2)} (${mbps(ranges.studio)} ÷ ${mbps(ranges.plain)})`,
      '≥ 0.8',
      ranges.ratio >= 0.8,
    ),
    row(
      '5',
      `whole-file GETs at ${WHOLE_PARALLEL} connections, throughput studio ÷ plain`,
      `${fixed(whole.ratio, 2)} (${mbps(whole.studio)} ÷ ${mbps(whole.plain)})`,
      '≥ 0.9',
      whole.ratio >= 0.9,
    ),
    row(
      '5',
      `RSS growth, ${DOWNLOADS} parallel 50 MB downloads (worse of ${RSS_ROUNDS})`,
      `${fixed(studioRss.growth)} MB (${fixed(studioRss.before, 0)} → ${fixed(studioRss.peak, 0)} MB; runs ${growths(1)})`,
      '< 50 MB',
      studioRss.growth < 50,
    ),
    row(
      '5',
      '… the same downloads from the plain server',
      `${fixed(plainRss.growth)} MB (runs ${growths(0)})`,
    ),
    row(
      '5',
      'Range, ETag, 304 answered',
      problems.length === 0 ? 'yes' : problems.join(', '),
      'yes',
      problems.length === 0,
    ),
  ]
}
