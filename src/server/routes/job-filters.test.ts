import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobListSchema } from '../../contract/api'
import { seedJob } from '../testing/seed-job'
import { startTestStudio, type TestStudio } from '../testing/test-studio'

/** GET /api/jobs applies every filter the studio's lists use, on the server, over all jobs. */
let studio: TestStudio
const source = 'job_source0000001'

beforeAll(async () => {
  studio = await startTestStudio()
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()
  // Two remixes made long ago, then 150 newer takes: the remixes are not among the newest 100.
  await seedJob(studio.repo, { id: source, status: 'completed', createdAt: at(0) })
  await seedJob(studio.repo, { id: 'job_remix00000001', remixOf: source, status: 'completed', createdAt: at(1) })
  await seedJob(studio.repo, { id: 'job_remix00000002', remixOf: source, status: 'failed', createdAt: at(2) })
  for (let i = 0; i < 150; i++) {
    const status = i % 3 === 0 ? 'queued' : i % 3 === 1 ? 'in_progress' : 'completed'
    await seedJob(studio.repo, { status, createdAt: at(10 + i) })
  }
})
afterAll(() => studio.close())

async function list(query: string) {
  const reply = await studio.app.inject({ method: 'GET', url: `/api/jobs?${query}` })
  return { status: reply.statusCode, body: reply.json<unknown>() }
}

describe('GET /api/jobs filters', () => {
  it('finds the remixes of a take however many newer jobs there are', async () => {
    const { status, body } = await list(`remixOf=${source}&limit=100`)
    expect(status).toBe(200)
    expect(jobListSchema.parse(body).items.map((job) => job.id)).toEqual(['job_remix00000002', 'job_remix00000001'])
  })

  it('takes several statuses as a repeated parameter, newest first, in one request', async () => {
    const { body } = await list('status=queued&status=in_progress&limit=100')
    const items = jobListSchema.parse(body).items
    expect(items).toHaveLength(100)
    expect(new Set(items.map((job) => job.status))).toEqual(new Set(['queued', 'in_progress']))
    const created = items.map((job) => job.createdAt)
    expect(created).toEqual([...created].sort().reverse())
  })

  it('still takes a single status', async () => {
    const { body } = await list('status=failed')
    expect(jobListSchema.parse(body).items.map((job) => job.id)).toEqual(['job_remix00000002'])
  })

  it('refuses an unknown status or a malformed take id with the error envelope', async () => {
    for (const query of ['status=queued&status=done', 'remixOf=not-a-job']) {
      const { status, body } = await list(query)
      expect(status, query).toBe(400)
      expect(body).toMatchObject({ error: { code: 'invalid_request' } })
    }
  })

  it("words a check without its own message in zod's English (the contract is zod/mini, which has none)", async () => {
    const { status, body } = await list('limit=0')
    expect(status).toBe(400)
    expect(body).toEqual({
      error: { code: 'invalid_request', message: 'Too small: expected number to be >=1', field: 'limit' },
    })
  })
})
