import { describe, expect, it } from 'vitest'
import { jobListSchema } from '../contract/api'
import { jobSchema } from '../contract/job'
import { presentJob } from './jobs/present'
import { serializerFor } from './serializer'
import { jobRecord } from './testing/seed-job'

const jobs = [
  presentJob(jobRecord()),
  presentJob(
    jobRecord({
      status: 'completed',
      progress: 100,
      completedAt: '2026-11-25T10:00:40.000Z',
      hasThumbnail: true,
      reference: { hash: 'a'.repeat(64), width: 720, height: 1280 },
      group: 'grp_1',
      prompt: 'Quotes " and \\ backslashes, \u2028 separators, emoji 🎬, 東京 and a tab\t',
    }),
  ),
  presentJob(
    jobRecord({
      status: 'failed',
      error: { code: 'moderation_blocked', kind: 'moderation', message: 'Blocked "here"' },
      costUsd: 0,
    }),
  ),
]

describe('the schema-compiled serialiser', () => {
  it('writes exactly what JSON.stringify writes for every shape of job and page', () => {
    const job = serializerFor(jobSchema)
    for (const each of jobs) expect(job(each)).toBe(JSON.stringify(each))
    const page = { items: jobs, nextCursor: 'abc' }
    expect(serializerFor(jobListSchema)(page)).toBe(JSON.stringify(page))
    expect(JSON.parse(serializerFor(jobListSchema)({ items: [], nextCursor: null }))).toEqual({
      items: [],
      nextCursor: null,
    })
  })

  it('lets out only the fields the contract names', () => {
    const leaky = { ...jobs[0], fit: 'cover', updatedAt: 'x', secret: 'never sent' }
    expect(JSON.parse(serializerFor(jobSchema)(leaky))).toEqual(jobs[0])
  })
})
