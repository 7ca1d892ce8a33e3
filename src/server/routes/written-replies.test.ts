import { afterAll, beforeAll, expect, it } from 'vitest'
import { jobListSchema } from '../../contract/api'
import { jobSchema } from '../../contract/job'
import { jobRecord } from '../testing/seed-job'
import { startTestStudio, type TestStudio } from '../testing/test-studio'

let studio: TestStudio
beforeAll(async () => {
  studio = await startTestStudio()
})
afterAll(() => studio.close())

it('answers a polled take and page as they are now, after every change', async () => {
  const take = jobRecord({ status: 'completed', progress: 100, prompt: 'a polled take, circled between polls' })
  await studio.repo.insert(take)
  const read = async (url: string) => {
    const reply = await studio.app.inject({ method: 'GET', url })
    expect(reply.headers['content-type'], reply.body).toBe('application/json; charset=utf-8')
    return reply.json<unknown>()
  }
  const verdicts = async () => [
    jobSchema.parse(await read(`/api/jobs/${take.id}`)).verdict,
    jobListSchema.parse(await read('/api/jobs?q=circled%20between%20polls')).items.map((job) => job.verdict),
  ]
  expect(await verdicts()).toEqual([null, [null]])
  expect(await verdicts()).toEqual([null, [null]])
  const payload = { verdict: 'circled' }
  const circled = await studio.app.inject({ method: 'PUT', url: `/api/jobs/${take.id}/verdict`, payload })
  expect(circled.statusCode, circled.body).toBe(200)
  expect(await verdicts()).toEqual(['circled', ['circled']])
})
