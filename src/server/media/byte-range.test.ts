import { describe, expect, it } from 'vitest'
import { bytesBeforeSize, parseByteRange } from './byte-range'

describe('byte ranges', () => {
  it.each([
    ['bytes=100-199', { start: 100, end: 199 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
    ['bytes=0-0', { start: 0, end: 0 }],
  ])('serves %s of a 1000-byte file', (header, range) => {
    expect(parseByteRange(header, 1000)).toEqual(range)
  })

  it.each(['bytes=1000-', 'bytes=500-400', 'bytes=-0', 'bytes=-', 'items=0-5', 'bytes=abc'])(
    'refuses %s',
    (header) => {
      expect(parseByteRange(header, 1000)).toBe('unsatisfiable')
    },
  )

  it('ignores no header and multi-ranges (the whole file is sent)', () => {
    expect(parseByteRange(undefined, 1000)).toBeNull()
    expect(parseByteRange('bytes=0-1,5-6', 1000)).toBeNull()
  })
})

describe('bytes known before the size', () => {
  it('are the whole file with no Range, a range with both ends given, or one from a byte on', () => {
    expect(bytesBeforeSize(undefined)).toEqual({})
    expect(bytesBeforeSize('bytes=100-199')).toEqual({ range: { start: 100, end: 199 } })
    expect(bytesBeforeSize('bytes=0-')).toEqual({ range: { start: 0 } })
  })

  it('are not known for a suffix, several ranges or a reversed one', () => {
    for (const header of ['bytes=-500', 'bytes=0-1,5-9', 'bytes=9-1', 'items=0-9'])
      expect(bytesBeforeSize(header)).toBeNull()
  })
})
