import { describe, expect, it } from 'vitest'
import { retryAfterMs } from './retry-after'

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
