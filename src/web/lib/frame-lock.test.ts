import { describe, expect, it } from 'vitest'
import { correctionFor } from './frame-lock'

const FRAME = 1 / 24

describe('keeping a follower on the clock’s frame', () => {
  it('leaves a follower within half a frame alone', () => {
    expect(correctionFor(0.4 * FRAME, FRAME, 1, false)).toEqual({ kind: 'none' })
    expect(correctionFor(-0.4 * FRAME, FRAME, 1, false)).toEqual({ kind: 'none' })
  })

  it('slows a follower ahead and speeds one behind, by at most a tenth, relative to the speed played', () => {
    const ahead = correctionFor(FRAME, FRAME, 1, false)
    const behind = correctionFor(-FRAME, FRAME, 2, false)
    expect(ahead.kind === 'rate' && ahead.rate).toBeLessThan(1)
    expect(ahead.kind === 'rate' && ahead.rate).toBeGreaterThanOrEqual(0.9)
    expect(behind.kind === 'rate' && behind.rate).toBeGreaterThan(2)
    expect(behind.kind === 'rate' && behind.rate).toBeLessThanOrEqual(2.2)
  })

  it('keeps nudging until the follower is within a quarter frame, so it does not flap at the edge', () => {
    expect(correctionFor(0.4 * FRAME, FRAME, 1, true).kind).toBe('rate')
    expect(correctionFor(0.2 * FRAME, FRAME, 1, true)).toEqual({ kind: 'none' })
  })

  it('seeks a follower that is many frames off, where a nudge would take seconds', () => {
    expect(correctionFor(10 * FRAME, FRAME, 1, false)).toEqual({ kind: 'seek' })
    expect(correctionFor(-10 * FRAME, FRAME, 1, true)).toEqual({ kind: 'seek' })
  })
})
