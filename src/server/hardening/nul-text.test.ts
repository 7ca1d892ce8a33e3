import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobListSchema } from '../../contract/api'
import { multipartBody } from '../testing/multipart'
import { seedJob } from '../testing/seed-job'
import { startTestStudio, type TestStudio } from '../testing/test-studio'
import { listFiles } from '../testing/vault-snapshot'

/**
 * U+0000 in a client's text: PostgreSQL cannot keep it (a 500 there, stored on SQLite), so both
 * back ends refuse it the same way, naming the field, and keep nothing.
 */
let studio: TestStudio
beforeAll(async () => {
  studio = await startTestStudio()
})
afterAll(() => studio.close())

const jobCount = async () =>
  jobListSchema.parse((await studio.app.inject({ url: '/api/jobs?limit=100' })).json()).items.length

describe('text holding a NUL character', () => {
  it('is refused with a 400 naming the field, in a form, a JSON body or a query, and nothing is kept', async () => {
    const take = await seedJob(studio.repo, { status: 'completed' })
    const before = { jobs: await jobCount(), files: listFiles(studio.dataDir) }
    const requests = [
      { field: 'prompt', request: { method: 'POST' as const, url: '/api/jobs', ...multipartBody({ prompt: 'a fox\u0000', model: 'sora-2', size: '1280x720', seconds: '4' }) } },
      { field: 'prompt', request: { method: 'POST' as const, url: `/api/jobs/${take.id}/remix`, payload: { prompt: 'in \u0000 rain' } } },
      { field: 'name', request: { method: 'POST' as const, url: '/api/reels', payload: { name: 'reel\u0000', jobIds: [take.id] } } },
      { field: 'author', request: { method: 'GET' as const, url: '/api/jobs?author=a%00b' } },
      { field: 'q', request: { method: 'GET' as const, url: '/api/jobs?q=fox%00' } },
    ]
    for (const { field, request } of requests) {
      const reply = await studio.app.inject(request)
      expect(reply.statusCode, `${request.method} ${request.url}`).toBe(400)
      expect(reply.json()).toEqual({ error: { code: 'invalid_request', message: expect.stringContaining('NUL') as string, field } })
    }
    expect(await jobCount()).toBe(before.jobs)
    expect((await studio.app.inject({ url: '/api/reels' })).json()).toMatchObject({ items: [] })
    expect(listFiles(studio.dataDir)).toEqual(before.files)
  })
})
