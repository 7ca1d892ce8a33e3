import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spendSchema } from '../../contract/api'
import { seedJob } from '../testing/seed-job'
import { startTestStudio, type TestStudio } from '../testing/test-studio'

/** GET /api/spend adds up every take since an instant on the server, however many there are. */
let studio: TestStudio
// The user's midnight, an hour ago: takes at and after it are today's, takes before it yesterday's.
const midnight = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000)
const at = (ms: number) => new Date(midnight.getTime() + ms).toISOString()

beforeAll(async () => {
  studio = await startTestStudio()
  // Yesterday's takes, the last a millisecond before midnight: none of them count.
  for (let i = 1; i <= 5; i++)
    await seedJob(studio.repo, { createdAt: at(-i), costUsd: 1, status: 'completed' })
  // 120 priced takes today, the first at midnight exactly: more than the newest-100 list ever held.
  for (let i = 0; i < 120; i++)
    await seedJob(studio.repo, { createdAt: at(i), costUsd: 0.4, status: 'completed' })
  // A refused take costs nothing; a model without a published price counts as unpriced.
  await seedJob(studio.repo, { createdAt: at(200), costUsd: 0, status: 'failed' })
  await seedJob(studio.repo, { createdAt: at(201), costUsd: null, status: 'completed' })
  await seedJob(studio.repo, { createdAt: at(202), costUsd: null, status: 'in_progress' })
  // A deleted take is gone from the tally, as from every list.
  const deleted = await seedJob(studio.repo, {
    createdAt: at(203),
    costUsd: 5,
    status: 'completed',
  })
  await studio.repo.softDelete(deleted.id, new Date().toISOString())
})
afterAll(() => studio.close())

async function spend(since: string) {
  const reply = await studio.app.inject({ method: 'GET', url: `/api/spend?since=${since}` })
  return { status: reply.statusCode, body: reply.json<unknown>() }
}

describe('GET /api/spend', () => {
  it('adds up every take since the instant, past a hundred, and counts the unpriced ones', async () => {
    const { status, body } = await spend(encodeURIComponent(midnight.toISOString()))
    expect(status).toBe(200)
    const totals = spendSchema.parse(body)
    expect(totals).toMatchObject({ since: midnight.toISOString(), takes: 123, unknownCostTakes: 2 })
    expect(totals.totalUsd).toBeCloseTo(48, 6)
  })

  it('reads an instant with an offset as the same moment', async () => {
    const local = new Date(midnight.getTime() + 2 * 3_600_000).toISOString().replace('Z', '+02:00')
    const totals = spendSchema.parse((await spend(encodeURIComponent(local))).body)
    expect(totals.since).toBe(midnight.toISOString())
    expect(totals.takes).toBe(123)
  })

  it('counts a take started after the last answer', async () => {
    const since = encodeURIComponent(midnight.toISOString())
    const before = spendSchema.parse((await spend(since)).body)
    await seedJob(studio.repo, { createdAt: at(300), costUsd: 0.8, status: 'queued' })
    const after = spendSchema.parse((await spend(since)).body)
    expect(after.takes).toBe(before.takes + 1)
    expect(after.totalUsd).toBeCloseTo(before.totalUsd + 0.8, 6)
  })

  it('refuses what is not an instant, an instant in the future, a NUL, or no instant, with the error envelope', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString()
    for (const since of [
      'yesterday',
      '2026-01-31',
      '2026-13-01T00:00:00Z',
      encodeURIComponent(tomorrow),
      '%00',
    ]) {
      const { status, body } = await spend(since)
      expect(status, since).toBe(400)
      expect(body, since).toMatchObject({ error: { code: 'invalid_request' } })
    }
    const reply = await studio.app.inject({ method: 'GET', url: '/api/spend' })
    expect(reply.statusCode).toBe(400)
    expect(reply.json()).toMatchObject({ error: { code: 'invalid_request' } })
  })
})
