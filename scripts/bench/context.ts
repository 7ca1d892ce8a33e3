import type { Row } from './table'

/** What every benchmark gets from the runner. */
export interface BenchContext {
  /** A progress line on stderr (the table goes to stdout). */
  log(message: string): void
  /** A fresh temp folder, removed when this benchmark ends. */
  tempDir(label: string): string
  /** A fresh temp folder kept until the whole run ends (for inputs benchmarks share). */
  runTempDir(label: string): string
  /** Calls `close` when this benchmark ends, even after a crash. */
  defer(close: () => Promise<void> | void): void
  /** The built SPA (built once per run, in a temp folder, not in ./dist). */
  build(): Promise<{ outDir: string; seconds: number }>
}

export type Bench = (ctx: BenchContext) => Promise<Row[]>
