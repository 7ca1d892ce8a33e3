import { describe, expect, it } from 'vitest'
import { backoffMs, retryAfterMs, withRetry } from './retry'
import { UpstreamError } from './types'

const policy = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 }

describe('retryAfterMs', () => {
  it('reads retry-after-ms, Retry-After seconds and Retry-After as an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(1500)
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000)
    const now = Date.parse('2030-01-01T00:00:00Z')
    const date = new Headers({ 'retry-after': 'Tue, 01 Jan 2030 00:00:30 GMT' })
    expect(retryAfterMs(date, now)).toBe(30_000)
    expect(retryAfterMs(new Headers({ 'retry-after': 'whenever' }))).toBeUndefined()
    expect(retryAfterMs(new Headers())).toBeUndefined()
  })
})

describe('withRetry', () => {
  it('backs off with full jitter under a doubling ceiling', () => {
    expect(backoffMs(policy, 1, () => 0.999)).toBe(99)
    expect(backoffMs(policy, 3, () => 0.5)).toBe(200)
    expect(backoffMs(policy, 10, () => 0.5)).toBe(500)
  })

  it('retries retryable errors up to the attempt limit, then throws the last one', async () => {
    const waits: number[] = []
    let calls = 0
    const run = withRetry(
      policy,
      {
        sleep: (ms) => {
          waits.push(ms)
          return Promise.resolve()
        },
        random: () => 0.5,
      },
      () => {
        calls++
        throw new UpstreamError('unavailable', 'down', { status: 503 })
      },
    )
    await expect(run).rejects.toMatchObject({ kind: 'unavailable' })
    expect(calls).toBe(3)
    expect(waits).toEqual([50, 100])
  })

  it('does not retry what waiting cannot fix', async () => {
    let calls = 0
    const run = withRetry(policy, { sleep: async () => {}, random: Math.random }, () => {
      calls++
      throw new UpstreamError('invalid', 'bad', { status: 400 })
    })
    await expect(run).rejects.toMatchObject({ kind: 'invalid' })
    expect(calls).toBe(1)
  })

  it('hands back at once when the provider asks for a longer wait than the policy allows', async () => {
    let calls = 0
    const run = withRetry(policy, { sleep: async () => {}, random: Math.random }, () => {
      calls++
      throw new UpstreamError('rate_limited', 'slow', { status: 429, retryAfterMs: 60_000 })
    })
    await expect(run).rejects.toMatchObject({ details: { retryAfterMs: 60_000 } })
    expect(calls).toBe(1)
  })
})
