import { describe, expect, it } from 'vitest'
import { UpstreamError } from '../upstream/types'
import { RETRY_AFTER_SPREAD_MS, retryDelayMs } from './retry-policy'

const schedule = { minMs: 1000, errorMaxMs: 30_000 }

describe('retryDelayMs', () => {
  it("waits what the provider asked, however long, spread by at most a second", () => {
    const limited = new UpstreamError('rate_limited', 'slow down', { status: 429, retryAfterMs: 120_000 })
    expect(retryDelayMs(schedule, 1, limited, () => 0)).toBe(120_000)
    expect(retryDelayMs(schedule, 9, limited, () => 0.999)).toBe(120_000 + Math.floor(0.999 * RETRY_AFTER_SPREAD_MS))
  })

  it('backs off exponentially with jitter, capped, when there is no hint', () => {
    const down = new UpstreamError('unavailable', 'down', { status: 503 })
    expect(retryDelayMs(schedule, 1, down, () => 0)).toBe(1000)
    expect(retryDelayMs(schedule, 1, down, () => 0.999)).toBe(1999)
    expect(retryDelayMs(schedule, 3, down, () => 0)).toBe(4000)
    expect(retryDelayMs(schedule, 20, down, () => 0)).toBe(15_000)
    expect(retryDelayMs(schedule, 20, new Error('disk'), () => 0.999)).toBe(29_985)
  })
})
