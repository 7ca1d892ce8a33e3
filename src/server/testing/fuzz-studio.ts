import path from 'node:path'
import { expect } from 'vitest'
import { errorEnvelopeSchema } from '../../contract/errors'
import { jobSchema, type Job } from '../../contract/job'
import type { Upstream } from '../upstream/types'
import { fakeVideo } from './seed-job'
import { startTestStudio, type TestStudio } from './test-studio'
import { newFiles, snapshot } from './vault-snapshot'

/** Every status the /api contract lets a render request answer; a 500 is never one. */
export const DOCUMENTED = [201, 400, 404, 409, 413, 415, 429]
const JOB_FILES = new Set(['reference.png', 'reference-original'])

export interface FuzzRequest {
  method: 'POST'
  url: string
  payload?: Buffer | string
  headers?: Record<string, string>
}

export interface FuzzStudio {
  studio: TestStudio
  /**
   * Sends one request and checks the promises every answer keeps: a documented status, an error
   * envelope, and for a refusal no new row, no new file and no provider call; for a 201, one row
   * and files under the job's own folder, by fixed names only.
   */
  exchange(request: FuzzRequest): Promise<{ status: number; job: Job | null; newFiles: string[] }>
  close(): Promise<void>
}

/**
 * A studio for fuzzing its input handling: the provider is a stub that accepts every create and
 * remix at once, and the watcher is stopped, so accepted jobs simply stay queued.
 */
export async function startFuzzStudio(): Promise<FuzzStudio> {
  let providerCalls = 0
  const stubProvider = (real: Upstream): Upstream => {
    const accepted = () => {
      providerCalls += 1
      return Promise.resolve(fakeVideo(`video_fuzz${providerCalls}`))
    }
    return { ...real, create: accepted, remix: accepted }
  }
  const studio = await startTestStudio({ overrides: { wrapUpstream: stubProvider } })
  await studio.watcher.stop()

  async function exchange(request: FuzzRequest) {
    const before = await snapshot(studio)
    const callsBefore = providerCalls
    const reply = await studio.app.inject(request)
    // With a reference the 201 comes before the fit and the provider call (ADR 008): wait for them.
    const accepted = reply.statusCode === 201 ? await submitted(jobSchema.parse(reply.json()).id) : null
    const after = await snapshot(studio)
    const status = reply.statusCode
    expect(DOCUMENTED, `${status} ${reply.body.slice(0, 300)}`).toContain(status)
    expect(newFiles(before, after).filter((file) => file.startsWith('.tmp'))).toEqual([])
    if (status !== 201) {
      expect(errorEnvelopeSchema.safeParse(reply.json()).success, reply.body).toBe(true)
      expect(after).toEqual(before)
      expect(providerCalls).toBe(callsBefore)
      return { status, job: null, newFiles: [] }
    }
    const job = accepted ?? jobSchema.parse(reply.json())
    expect(after.rows).toEqual([job.id, ...before.rows])
    // A reference that breaks off after a sound header fails its job in the fit, before the provider hears of it.
    expect(providerCalls).toBe(callsBefore + (job.error?.code === 'reference_unreadable' ? 0 : 1))
    const added = newFiles(before, after)
    for (const file of added) {
      expect(path.dirname(file)).toBe(job.id)
      expect(JOB_FILES.has(path.basename(file)), file).toBe(true)
    }
    return { status, job, newFiles: added }
  }

  async function submitted(id: string): Promise<Job> {
    for (;;) {
      const job = await studio.getJob(id)
      if (job.status !== 'submitting') return job
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }

  return { studio, exchange, close: () => studio.close() }
}
