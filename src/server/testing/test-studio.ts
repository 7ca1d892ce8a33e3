import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jobSchema, type Job } from '../../contract/job'
import { isTerminal } from '../../contract/job-status'
import { defaultFfmpegPath } from '../../lib/ffmpeg'
import type { UpstreamConfig } from '../config'
import { createStudio, type Studio, type StudioConfig, type StudioOverrides } from '../studio'
import { startS3Server } from './s3-server'
import { dropStudioDatabase, studioDatabaseUrl } from './test-database'

/** The two media stores a suite runs on: `describe.each(MEDIA_STORES)`. */
export const MEDIA_STORES = ['folder', 's3'] as const
export type MediaStoreKind = (typeof MEDIA_STORES)[number]

export const FAST_SCHEDULE = { minMs: 40, maxMs: 150, errorMaxMs: 1000, concurrency: 8 }

export interface TestStudio extends Studio {
  dataDir: string
  getJob(id: string): Promise<Job>
  waitForJob(id: string, until: (job: Job) => boolean, timeoutMs?: number): Promise<Job>
}

/**
 * The settings of a test studio on `dataDir`: the embedded simulator in fast mode, no token, no
 * render limit to speak of, quiet; its database the test project's back end (test-database.ts)
 * unless `config` names one. A studio started again with them on the same folder finds its jobs.
 */
export async function testStudioConfig(
  dataDir: string,
  config: Partial<StudioConfig> = {},
): Promise<StudioConfig> {
  return {
    provider: 'simulator',
    upstream: null,
    dataDir,
    simulator: { timeScale: 0, apiKey: null },
    logLevel: 'silent',
    token: null,
    rendersPerMinute: 10_000,
    ffmpegPath: defaultFfmpegPath(),
    ...config,
    databaseUrl: 'databaseUrl' in config ? config.databaseUrl : await studioDatabaseUrl(dataDir),
  }
}

/**
 * A whole studio on a temp folder: the embedded simulator in fast mode unless `upstream` points
 * elsewhere. Requests go through app.inject(), so no port is opened for the BFF. Its database is
 * the test project's back end (test-database.ts): SQLite in the folder, or PostgreSQL in node-pg.
 */
export async function startTestStudio(
  options: {
    upstream?: UpstreamConfig
    /** Where job files go: the vault folder (default) or a bucket on an s3rver of its own. */
    store?: MediaStoreKind
    overrides?: StudioOverrides
    config?: Partial<
      Pick<
        StudioConfig,
        | 'token'
        | 'rendersPerMinute'
        | 'logLevel'
        | 'signIn'
        | 'trustProxy'
        | 'models'
        | 'jobMaxAgeMs'
        | 'deleteGraceS'
      >
    >
  } = {},
): Promise<TestStudio> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-studio-'))
  const s3 = options.store === 's3' ? await startS3Server() : null
  const studio = await createStudio(
    await testStudioConfig(dataDir, {
      ...(options.upstream && { provider: 'custom', upstream: options.upstream }),
      s3: s3?.settings ?? null,
      ...options.config,
    }),
    { schedule: FAST_SCHEDULE, ...options.overrides },
  )
  const getJob = async (id: string): Promise<Job> => {
    const token = options.config?.token
    const headers = token ? { authorization: `Bearer ${token}` } : {}
    const reply = await studio.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers })
    if (reply.statusCode !== 200)
      throw new Error(`GET job ${id}: ${reply.statusCode} ${reply.body}`)
    return jobSchema.parse(reply.json())
  }
  return {
    ...studio,
    dataDir,
    getJob,
    async waitForJob(id, until, timeoutMs = 45_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const job = await getJob(id)
        if (until(job)) return job
        if (Date.now() > deadline)
          throw new Error(`Job ${id} stuck at ${job.status} ${job.progress}%`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    async close() {
      await studio.close()
      await s3?.close()
      await dropStudioDatabase(dataDir)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The job ended (the contract's one definition of terminal). */
export const isDone = (job: Job) => isTerminal(job.status)
