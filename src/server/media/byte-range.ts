export interface ByteRange {
  start: number
  end: number
}

/**
 * Parses a single-range `Range: bytes=…` header against a file size.
 * Answers null for no (or an ignorable multi-) range, 'unsatisfiable' for one that cannot be served.
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match) return header.startsWith('bytes=') && header.includes(',') ? null : 'unsatisfiable'
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return 'unsatisfiable'
  if (first === '') {
    const suffix = Number(last)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(first)
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  if (start >= size || end < start) return 'unsatisfiable'
  return { start, end }
}

/**
 * What a request asks for when that does not depend on the file's size: the whole file (no Range
 * header, `{}`) or a `bytes=a-b` range with both ends given. null when the size is needed first
 * (`bytes=a-`, a suffix, several ranges, a malformed header).
 */
export function bytesBeforeSize(header: string | undefined): { range?: ByteRange } | null {
  if (!header) return {}
  const match = /^bytes=(\d+)-(\d+)$/.exec(header.trim())
  if (!match) return null
  const range = { start: Number(match[1]), end: Number(match[2]) }
  return range.start <= range.end ? { range } : null
}
