export interface ByteRange {
  start: number
  end: number
}

/** Bytes to read: from `start` to `end` inclusive, or to the file's end when there is no `end`. */
export interface ReadRange {
  start: number
  end?: number
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
 * header, `{}`), `bytes=a-b`, or `bytes=a-` (how a browser's <video> asks). null when the size is
 * needed first (a suffix, several ranges, a malformed or reversed one).
 */
export function bytesBeforeSize(header: string | undefined): { range?: ReadRange } | null {
  if (!header) return {}
  const match = /^bytes=(\d+)-(\d*)$/.exec(header.trim())
  if (!match) return null
  const start = Number(match[1])
  if (match[2] === '') return { range: { start } }
  const end = Number(match[2])
  return start <= end ? { range: { start, end } } : null
}
