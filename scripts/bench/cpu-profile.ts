import fs from 'node:fs'
import path from 'node:path'
import { sourceLocator } from './bundle-parts'

/** The parts of a V8 CPU profile (CDP `Profiler.stop`) this summary reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  }>
  samples?: number[]
  timeDeltas?: number[]
}

/**
 * Names where a sampled function came from: the source file (or package) of a built chunk, read
 * from its source map in `outDir`, else the script's file name.
 */
function sourceNamer(outDir: string): (frame: CpuProfile['nodes'][number]['callFrame']) => string {
  const locators = new Map<string, ((line: number, column: number) => string) | null>()
  return ({ url, lineNumber, columnNumber }) => {
    if (!url) return ''
    const pathname = url.startsWith('http') ? new URL(url).pathname : url
    if (!locators.has(pathname)) {
      const file = path.join(outDir, pathname)
      locators.set(pathname, fs.existsSync(`${file}.map`) ? sourceLocator(file) : null)
    }
    return locators.get(pathname)?.(lineNumber, columnNumber) ?? pathname
  }
}

/**
 * Self time by source, largest first, as `src/web/…/take-tile.tsx` or `react-dom`, plus the
 * engine's own entries ("(garbage collector)", "(program)"): what the main thread spent its time
 * on. Idle time is left out.
 */
export function topSelfTime(
  profile: CpuProfile,
  outDir: string,
  count: number,
): Array<{ what: string; ms: number }> {
  const name = sourceNamer(outDir)
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const totals = new Map<string, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i] ?? -1)
    if (!node || node.callFrame.functionName === '(idle)') continue
    const what = name(node.callFrame) || node.callFrame.functionName || '(native)'
    // Each sample's time is the gap to the next one.
    totals.set(what, (totals.get(what) ?? 0) + (deltas[i + 1] ?? 0) / 1000)
  }
  return [...totals]
    .map(([what, ms]) => ({ what, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
}
