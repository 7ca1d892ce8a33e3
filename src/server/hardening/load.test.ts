import { describe, expect, it } from 'vitest'
import { runLoad } from '../testing/load'

/**
 * Many renders at once, many tabs watching: every job completes and is archived, none is lost,
 * none is sent to the provider twice. CI runs 20 jobs (0.7–1 s of ffmpeg each on 2 cores, so
 * 20–40 s in all); `scripts/bench/load.ts` runs the full 100 (about 2–5 min).
 */
const JOBS = 20
const BROWSERS = 50

describe('load', () => {
  it(`completes and archives ${JOBS} concurrent jobs, once each upstream, while ${BROWSERS} browsers poll`, async () => {
    const report = await runLoad({ jobs: JOBS, browsers: BROWSERS, timeoutMs: 120_000 })
    expect(report.problems).toEqual([])
    expect(report.jobs).toHaveLength(JOBS)
    expect(report.jobs.every((job) => job.status === 'completed')).toBe(true)
    expect(report.upstreamCreates).toBe(JOBS)
    expect(report.upstreamVideos).toHaveLength(JOBS)
    // The browsers really were polling throughout.
    expect(report.browserPolls).toBeGreaterThan(JOBS * 5)
  }, 150_000)
})
