import fs from 'node:fs'

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]))

/** The numbers of one source-map segment (Base64 VLQ). */
function decodeSegment(segment: string): number[] {
  const values: number[] = []
  let value = 0
  let shift = 0
  for (const char of segment) {
    const digit = DIGIT.get(char) ?? 0
    value += (digit & 31) << shift
    if (digit & 32) {
      shift += 5
      continue
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1)
    value = 0
    shift = 0
  }
  return values
}

/**
 * A lookup from a position in a built chunk (0-based line and column, as V8 profiles give them)
 * to the source file it came from, e.g. `src/web/features/gallery/take-tile.tsx` or
 * `react-dom`, read from the chunk's source map.
 */
export function sourceLocator(file: string): (line: number, column: number) => string {
  const map = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')) as {
    sources: string[]
    mappings: string
  }
  let source = 0
  const lines = map.mappings.split(';').map((line) => {
    let column = 0
    const segments: Array<[number, number]> = []
    for (const segment of line.split(',').filter(Boolean)) {
      const [dColumn = 0, dSource] = decodeSegment(segment)
      column += dColumn
      if (dSource !== undefined) {
        source += dSource
        segments.push([column, source])
      }
    }
    return segments
  })
  return (line, column) => {
    const segments = lines[line] ?? []
    let found: [number, number] | undefined
    for (const segment of segments) {
      if (segment[0] > column) break
      found = segment
    }
    const name = found ? (map.sources[found[1]] ?? '?') : '?'
    const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name)
    return modules?.[1] ?? name.replace(/^(?:\.\.\/)+/, '')
  }
}

/** node_modules/@scope/name → @scope/name, node_modules/name → name, src/web/features/x/… → src/web/features/x. */
function partOf(source: string): string {
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)
  if (modules?.[1]) return modules[1]
  const app = /(src\/(?:web\/(?:features|components|lib|app)\/?[^/]*|[^/]+))/.exec(source)
  return app?.[1]?.replace(/\.[tj]sx?$/, '') ?? source
}

/**
 * Which packages and app folders the bytes of a built chunk come from, read from its source
 * map: every generated span is charged to the source it maps to. Answers bytes by part.
 */
export function chunkParts(file: string): Map<string, number> {
  const map = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')) as {
    sources: string[]
    mappings: string
  }
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const parts = new Map<string, number>()
  let source = 0
  map.mappings.split(';').forEach((line, index) => {
    const length = Buffer.byteLength(lines[index] ?? '')
    let column = 0
    let owner: number | null = null
    const charge = (to: number) => {
      if (owner === null) return
      const part = partOf(map.sources[owner] ?? '?')
      parts.set(part, (parts.get(part) ?? 0) + Math.max(0, to - column))
    }
    for (const segment of line.split(',').filter(Boolean)) {
      const [dColumn = 0, dSource, , ,] = decodeSegment(segment)
      const next = column + dColumn
      charge(next)
      column = next
      if (dSource !== undefined) {
        source += dSource
        owner = source
      } else owner = null
    }
    charge(length)
  })
  return parts
}
