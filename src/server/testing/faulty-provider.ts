import { http, passthrough } from 'msw'
import type { SetupServer } from 'msw/node'
import { expect } from 'vitest'
import { jobSchema, type Job } from '../../contract/job'
import type { JobStatus } from '../../contract/job-status'
import { multipartBody } from './multipart'
import { startTestSimulator, type TestSimulator } from './test-simulator'
import { isDone, startTestStudio, type TestStudio } from './test-studio'

/** One read the studio sent the provider, and how it was answered ('passed' = by the simulator). */
export interface ProviderRead {
  at: number
  id: string
  op: 'retrieve' | 'content'
  variant: string | null
  status: number | 'passed'
}

/** Answers a read in the provider's place, or null to let the simulator answer it. */
export type ReadFault = (
  read: Omit<ProviderRead, 'status'>,
  request: Request,
) => Promise<Response | null> | Response | null

export interface FaultyProvider {
  simulator: TestSimulator
  studio: TestStudio
  /** Every read the studio sent, in order. */
  reads: ProviderRead[]
  /** Puts `fault` between the studio and the simulator for every retrieve and download. */
  onRead(fault: ReadFault): void
  createJobs(count: number): Promise<Job[]>
  /** Polls as a browser would until every job is done: the statuses seen on the way, and the end. */
  followToTheEnd(jobs: Job[], timeoutMs?: number): Promise<{ final: Job[]; seen: Set<JobStatus> }>
  close(): Promise<void>
}

const STUDIO_KEY = 'test-key'
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** OpenAI's error envelope, as a provider sends it. */
export const providerError = (message: string, type: string, code: string | null = null) => ({
  error: { message, type, param: null, code },
})

/**
 * A studio whose provider is a real simulator with msw in between (`server` must be listening):
 * msw answers for the provider where the simulator cannot misbehave, and lets the rest through.
 */
export async function startFaultyProvider(server: SetupServer): Promise<FaultyProvider> {
  const simulator = await startTestSimulator()
  const studio = await startTestStudio({
    upstream: { baseURL: simulator.baseURL, apiKey: STUDIO_KEY, keyName: 'DAILIES_UPSTREAM_KEY' },
  })
  const reads: ProviderRead[] = []

  const onRead = (fault: ReadFault) => {
    const handle = async (request: Request, id: string, op: ProviderRead['op']) => {
      // Only the studio's requests: a test's own reads of the originals pass untouched.
      if (request.headers.get('authorization') !== `Bearer ${STUDIO_KEY}`) return passthrough()
      const search = new URL(request.url).searchParams
      const read = {
        at: Date.now(),
        id,
        op,
        variant: op === 'content' ? (search.get('variant') ?? 'video') : null,
      }
      const answer = await fault(read, request)
      reads.push({ ...read, status: answer ? answer.status : 'passed' })
      return answer ?? passthrough()
    }
    server.use(
      http.get(`${simulator.baseURL}/videos/:id`, ({ request, params }) =>
        handle(request, String(params.id), 'retrieve'),
      ),
      http.get(`${simulator.baseURL}/videos/:id/content`, ({ request, params }) =>
        handle(request, String(params.id), 'content'),
      ),
    )
  }

  const createJobs = (count: number) =>
    Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const fields = {
          prompt: `a take through a bad line ${i}`,
          model: 'sora-2',
          size: '720x1280',
          seconds: '4',
        }
        const reply = await studio.app.inject({
          method: 'POST',
          url: '/api/jobs',
          ...multipartBody(fields),
        })
        expect(reply.statusCode, reply.body).toBe(201)
        return jobSchema.parse(reply.json())
      }),
    )

  const followToTheEnd = async (jobs: Job[], timeoutMs = 45_000) => {
    const seen = new Set<JobStatus>()
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const now = await Promise.all(jobs.map((job) => studio.getJob(job.id)))
      for (const job of now) seen.add(job.status)
      if (now.every(isDone)) return { final: now, seen }
      if (Date.now() > deadline) {
        throw new Error(
          `stuck: ${now.map((j) => `${j.status} ${j.error?.message ?? ''}`).join('; ')}`,
        )
      }
      await sleep(50)
    }
  }

  return {
    simulator,
    studio,
    reads,
    onRead,
    createJobs,
    followToTheEnd,
    async close() {
      server.resetHandlers()
      await studio.close()
      await simulator.close()
    },
  }
}
