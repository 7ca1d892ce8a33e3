import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobListSchema } from '../../contract/api'
import type { Job } from '../../contract/job'
import { startCountingProxy, type CountingProxy, type ProviderRequest } from '../testing/counting-proxy'
import { startS3Server, type TestS3Server } from '../testing/s3-server'
import { spawnSimulator, type SimulatorProcess } from '../testing/simulator-process'
import { createOverHttp, killHard, spawnStudio } from '../testing/studio-process'
import { studioDatabaseUrl, testBackEnd } from '../testing/test-database'

/**
 * Issue 13's chaos test (node-pg project only): one simulator (its own process) behind a counting
 * proxy, one PostgreSQL database, one bucket, three studio processes. 60 jobs round-robin; replica 1 is SIGKILLed while jobs
 * render, replica 2 at the first bytes of a video it archives. Every job completes, once.
 */
const JOBS = 60
const CAP = 6
const REPLICAS = ['r1', 'r2', 'r3'] as const

const cleanups: (() => Promise<void> | void)[] = []
let simulator: SimulatorProcess
let bucket: TestS3Server
let proxy: CountingProxy
const killed: { replica: string; video: string | null }[] = []
const studios = new Map<string, Awaited<ReturnType<typeof spawnStudio>>>()
let armed = false

beforeAll(async () => {
  simulator = await spawnSimulator(0)
  cleanups.push(() => simulator.close())
  bucket = await startS3Server('dailies-chaos')
  cleanups.push(() => bucket.close())
  // Replica 2 dies at the first bytes of a video it archives, once armed.
  proxy = await startCountingProxy(simulator.baseURL, (request: ProviderRequest) => {
    if (!armed || request.replica !== 'r2' || request.variant !== 'video') return
    armed = false
    studios.get('r2')?.child.kill('SIGKILL')
    killed.push({ replica: 'r2', video: request.videoId })
  })
  cleanups.push(() => proxy.close())
}, 60_000)

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function list(url: string): Promise<Job[]> {
  return jobListSchema.parse(await (await fetch(`${url}/api/jobs?limit=100`)).json()).items
}

async function objects(client: S3Client): Promise<string[]> {
  const keys: string[] = []
  let token: string | undefined
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket.settings.bucket, ContinuationToken: token }))
    keys.push(...(page.Contents ?? []).map((object) => object.Key ?? ''))
    token = page.NextContinuationToken
  } while (token)
  return keys.sort()
}

async function objectBytes(client: S3Client, key: string): Promise<Buffer> {
  const object = await client.send(new GetObjectCommand({ Bucket: bucket.settings.bucket, Key: key }))
  return Buffer.from(await object.Body!.transformToByteArray())
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('three replicas, two of them killed', () => {
  it('complete all 60 jobs: 60 creates, one request per job at a time, each file once and whole', async () => {
    expect(testBackEnd()).toBe('postgres')
    const started = Date.now()
    const tempDir = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-chaos-'))
      cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
      return dir
    }
    const databaseUrl = await studioDatabaseUrl(tempDir())
    const { settings } = bucket
    for (const replica of REPLICAS) {
      const studio = await spawnStudio({
        DAILIES_PROVIDER: 'custom',
        DAILIES_UPSTREAM_URL: proxy.urlFor(replica),
        DAILIES_UPSTREAM_KEY: 'chaos-key',
        // One database for the three, each its own data folder (the files are in the bucket).
        DATABASE_URL: databaseUrl!,
        DAILIES_DATA_DIR: tempDir(),
        DAILIES_S3_BUCKET: settings.bucket,
        DAILIES_S3_ENDPOINT: settings.endpoint!,
        AWS_ACCESS_KEY_ID: settings.credentials!.accessKeyId,
        AWS_SECRET_ACCESS_KEY: settings.credentials!.secretAccessKey,
        DAILIES_LEASE_SECONDS: '3',
        DAILIES_PROVIDER_CONCURRENCY: String(CAP),
        DAILIES_RATE_LIMIT: '1000',
      })
      studios.set(replica, studio)
      cleanups.push(() => killHard(studio.child))
    }
    // One lease tick, so every replica counts all three before any work (the cap split holds).
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const urls = REPLICAS.map((replica) => studios.get(replica)!.url)

    const created = await Promise.all(
      urls.map(async (url, r) => {
        const mine: Job[] = []
        for (let i = r; i < JOBS; i += REPLICAS.length) mine.push(await createOverHttp(url, `chaos take ${i}`))
        return mine
      }),
    )
    const ids = created.flat().map((job) => job.id)
    expect(new Set(ids).size).toBe(JOBS)

    // Replica 1 dies while jobs render; replica 2 at the first video bytes it archives after that.
    await expect.poll(async () => (await list(urls[2]!)).some((job) => job.status === 'in_progress'), { timeout: 30_000 }).toBe(true)
    await killHard(studios.get('r1')!.child)
    killed.push({ replica: 'r1', video: null })
    armed = true

    const survivor = urls[2]!
    await expect
      .poll(async () => (await list(survivor)).filter((job) => job.status === 'completed').length, { timeout: 210_000, interval: 1000 })
      .toBe(JOBS)
    expect(killed.map((kill) => kill.replica)).toEqual(['r1', 'r2'])
    expect(studios.get('r2')!.child.signalCode).toBe('SIGKILL')

    const jobs = await list(survivor)
    expect(jobs.map((job) => job.id).sort()).toEqual([...ids].sort())
    expect(jobs.every((job) => job.status === 'completed')).toBe(true)

    // The provider saw 60 creates and never two requests about one video at once, and the cap held.
    expect(proxy.traffic.creates).toBe(JOBS)
    const videos = (await (await fetch(`${simulator.baseURL}/videos?limit=100`)).json()) as { data: { id: string }[] }
    expect(videos.data).toHaveLength(JOBS)
    expect(proxy.traffic.maxPerVideo).toBe(1)
    expect(proxy.traffic.maxInFlight).toBeLessThanOrEqual(CAP)
    // The survivor took over leases of a killed replica, and said so.
    const metrics = await (await fetch(`${survivor}/metrics`)).text()
    expect(Number(/^dailies_lease_takeovers_total (\d+)$/m.exec(metrics)?.[1] ?? 0)).toBeGreaterThanOrEqual(1)

    // The bucket: each job's four files once, nothing else, each the provider's bytes exactly.
    const client = new S3Client({ endpoint: settings.endpoint!, region: settings.region, credentials: settings.credentials!, forcePathStyle: true })
    cleanups.push(() => client.destroy())
    const keys = await objects(client)
    const files = ['job.json', 'spritesheet.jpg', 'still.webp', 'thumbnail.webp', 'video.mp4']
    expect(keys).toEqual(ids.flatMap((id) => files.map((file) => `${id}/${file}`)).sort())
    for (const id of ids) {
      const sidecar = JSON.parse((await objectBytes(client, `${id}/job.json`)).toString()) as { upstreamId: string }
      for (const [file, variant] of [['video.mp4', 'video'], ['thumbnail.webp', 'thumbnail'], ['spritesheet.jpg', 'spritesheet']]) {
        const original = Buffer.from(await (await fetch(`${simulator.baseURL}/videos/${sidecar.upstreamId}/content?variant=${variant}`)).arrayBuffer())
        expect(sha(await objectBytes(client, `${id}/${file}`)), `${id}/${file}`).toBe(sha(original))
      }
    }
    console.log(`chaos: ${JOBS} jobs in ${Math.round((Date.now() - started) / 1000)} s`, proxy.traffic)
  }, 300_000)
})
