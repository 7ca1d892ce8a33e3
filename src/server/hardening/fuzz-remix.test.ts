import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFuzzStudio, type FuzzStudio } from '../testing/fuzz-studio'
import { seedJob } from '../testing/seed-job'

/**
 * Property-based fuzzing of POST /api/jobs/:id/remix: any id (path tricks included), any body,
 * any content type. Always a documented status, never a 500; a refusal leaves nothing behind;
 * only a good prompt for the completed take is accepted, and it always is.
 */

let fuzz: FuzzStudio
beforeAll(async () => {
  fuzz = await startFuzzStudio()
})
afterAll(() => fuzz.close())

describe('POST /api/jobs/:id/remix, fuzzed', () => {
  it('answers any id and body with a documented status, and a refusal leaves nothing behind', async () => {
    const done = await seedJob(fuzz.studio.repo, {
      status: 'completed',
      upstreamId: 'video_done',
      progress: 100,
    })
    const busy = await seedJob(fuzz.studio.repo, { status: 'in_progress', upstreamId: 'video_busy' })
    const failed = await seedJob(fuzz.studio.repo, { status: 'failed', upstreamId: 'video_failed' })
    const unsent = await seedJob(fuzz.studio.repo, { status: 'failed', upstreamId: null })

    const id = fc.oneof(
      { weight: 6, arbitrary: fc.constant(done.id) },
      { weight: 3, arbitrary: fc.constantFrom(busy.id, failed.id, unsent.id) },
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.stringMatching(/^job_[A-Za-z0-9]{10,40}$/),
      fc.constantFrom(
        '..',
        '../../etc/passwd',
        'job_x',
        `${done.id}/../${busy.id}`,
        '%00',
        ' ',
        'null',
      ),
    )
    const prompt = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.constantFrom('', '   ', 'x'.repeat(32_001), 'a remix, in the rain'),
    )
    const body = fc.oneof(
      { weight: 6, arbitrary: prompt.map((p) => JSON.stringify({ prompt: p })) },
      fc
        .record({ prompt: fc.jsonValue() }, { requiredKeys: [] })
        .map((value) => JSON.stringify(value)),
      fc.jsonValue().map((value) => JSON.stringify(value) ?? ''),
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        '',
        '{',
        '{"__proto__":{"prompt":"x"}}',
        '{"prompt":"x","prompt":""}',
        'null',
      ),
    )
    const contentType = fc.option(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ),
      { freq: 6, nil: undefined },
    )

    let accepted = 0
    await fc.assert(
      fc.asyncProperty(id, body, contentType, async (jobId, payload, type) => {
        const headers: Record<string, string> = { 'content-type': type ?? 'application/json' }
        const url = `/api/jobs/${encodeURIComponent(jobId)}/remix`
        const { status, job } = await fuzz.exchange({ method: 'POST', url, payload, headers })
        const validPrompt = (() => {
          try {
            const parsed = JSON.parse(payload) as unknown
            const p = (parsed as { prompt?: unknown } | null)?.prompt
            return typeof p === 'string' && p.trim().length > 0 && p.trim().length <= 32_000
          } catch {
            return false
          }
        })()
        const json = (type ?? 'application/json').startsWith('application/json')
        if (status === 201) {
          accepted += 1
          expect(jobId).toBe(done.id)
          expect(job?.remixOf).toBe(done.id)
        }
        if (status === 409) expect([busy.id, failed.id, unsent.id]).toContain(jobId)
        // Liveness: a well-formed remix of the completed take is accepted.
        if (jobId === done.id && json && validPrompt) expect(status).toBe(201)
      }),
      { numRuns: 250 },
    )
    expect(accepted).toBeGreaterThan(10)
  })
})
