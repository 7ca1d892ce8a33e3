import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobSchema } from '../../contract/job'
import { multipartBody } from '../testing/multipart'
import { startTestStudio, type TestStudio } from '../testing/test-studio'

/** /metrics in Prometheus' text format, behind the token like /api. */
const token = 'a-long-enough-test-token-4815'
const auth = { authorization: `Bearer ${token}` }
let studio: TestStudio

beforeAll(async () => {
  studio = await startTestStudio({ config: { token } })
})
afterAll(() => studio.close())

async function scrape(): Promise<string> {
  const reply = await studio.app.inject({ method: 'GET', url: '/metrics', headers: auth })
  expect(reply.statusCode).toBe(200)
  expect(reply.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
  return reply.body
}

/** The value of one sample line, e.g. `dailies_jobs{state="completed"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

async function submit(prompt: string) {
  const body = multipartBody({ prompt, model: 'sora-2', size: '720x1280', seconds: '4' })
  return studio.app.inject({
    method: 'POST',
    url: '/api/jobs',
    ...body,
    headers: { ...auth, ...body.headers },
  })
}

describe('/metrics', () => {
  it('needs the token', async () => {
    const reply = await studio.app.inject({ method: 'GET', url: '/metrics' })
    expect(reply.statusCode).toBe(401)
    expect(reply.body).not.toContain('dailies_')
  })

  it('counts jobs by state, provider latency and refusals, and polls', async () => {
    const before = await scrape()
    expect(sample(before, 'dailies_jobs{state="completed"}')).toBe(0)
    expect(sample(before, 'dailies_lease_takeovers_total')).toBe(0)

    const created = await submit('A kite over a beach, counted')
    expect(created.statusCode).toBe(201)
    const job = jobSchema.parse(created.json())
    await studio.waitForJob(job.id, (j) => j.status === 'completed')
    // Refused by the provider: a failed take, and one error of its kind.
    expect((await submit('A busy street [sim:429]')).statusCode).toBe(201)

    const after = await scrape()
    expect(sample(after, 'dailies_jobs{state="completed"}')).toBe(1)
    expect(sample(after, 'dailies_jobs{state="failed"}')).toBe(1)
    expect(sample(after, 'dailies_jobs{state="queued"}')).toBe(0)
    expect(sample(after, 'dailies_provider_request_duration_seconds_count{op="create"}')).toBe(2)
    expect(
      sample(after, 'dailies_provider_request_duration_seconds_count{op="download"}'),
    ).toBeGreaterThanOrEqual(1)
    expect(sample(after, 'dailies_provider_errors_total{op="create",kind="rate_limited"}')).toBe(1)
    expect(sample(after, 'dailies_polls_total')).toBeGreaterThanOrEqual(1)
    expect(after).toContain('# TYPE dailies_provider_request_duration_seconds histogram')
  })
})
