import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { benchBucket } from './bucket'
import { benchBundle } from './bundle'
import type { Bench, BenchContext } from './context'
import { benchGallery } from './gallery'
import { benchLighthouse } from './lighthouse'
import { benchMedia } from './media'
import { benchPostgres } from './postgres'
import { benchReads } from './reads'
import { benchReels } from './reels'
import { tempDir } from './seed'
import { formatTable, row, type Row } from './table'
import { benchUploads } from './uploads'
import { benchWatcher } from './watcher'

/**
 * `npm run bench [-- name …]`: runs the benchmarks of issue 7 and prints one table. Targets that
 * miss are the result, not an error: the exit code is non-zero only when a benchmark crashed.
 */
const BENCHES: Array<{ name: string; number: string; run: Bench }> = [
  { name: 'bundle', number: '1', run: benchBundle },
  { name: 'lighthouse', number: '2', run: benchLighthouse },
  { name: 'gallery', number: '3', run: benchGallery },
  { name: 'reads', number: '4', run: benchReads },
  { name: 'media', number: '5', run: benchMedia },
  { name: 'uploads', number: '6', run: benchUploads },
  { name: 'watcher', number: '7', run: benchWatcher },
  { name: 'reels', number: '8', run: benchReels },
  { name: 'bucket', number: '9', run: benchBucket },
  { name: 'postgres', number: '10', run: benchPostgres },
]

const wanted = process.argv.slice(2)
const unknown = wanted.filter((name) => !BENCHES.some((b) => b.name === name))
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark ${unknown.join(', ')}; choose from ${BENCHES.map((b) => b.name).join(', ')}`,
  )
  process.exit(2)
}
const selected = BENCHES.filter((b) => wanted.length === 0 || wanted.includes(b.name))

const log = (message: string) => console.error(`[bench] ${message}`)
const runDirs: string[] = []
let built: Promise<{ outDir: string; seconds: number }> | null = null

/** `vite build` into a temp folder: ./dist belongs to whoever runs the e2e tests meanwhile. */
function build(): Promise<{ outDir: string; seconds: number }> {
  built ??= new Promise((resolve, reject) => {
    const outDir = path.join(tempDir('build'), 'dist')
    runDirs.push(path.dirname(outDir))
    const started = Date.now()
    log('vite build')
    const vite = spawn(
      process.execPath,
      [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    vite.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    vite.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    vite.on('exit', (code) => {
      if (code === 0) resolve({ outDir, seconds: (Date.now() - started) / 1000 })
      else reject(new Error(`vite build failed (${code}):\n${output}`))
    })
  })
  return built
}

const rows: Row[] = []
let crashed = false
const startedAt = Date.now()
for (const bench of selected) {
  const closers: Array<() => Promise<void> | void> = []
  const dirs: string[] = []
  const ctx: BenchContext = {
    log,
    tempDir(label) {
      const dir = tempDir(label)
      dirs.push(dir)
      return dir
    },
    runTempDir(label) {
      const dir = tempDir(label)
      runDirs.push(dir)
      return dir
    },
    defer: (close) => void closers.push(close),
    build,
  }
  const started = Date.now()
  log(`${bench.number}. ${bench.name}`)
  try {
    rows.push(...(await bench.run(ctx)))
  } catch (error) {
    crashed = true
    console.error(error)
    rows.push({
      ...row(
        bench.number,
        `${bench.name}: crashed`,
        error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
      ),
      pass: false,
    })
  }
  for (const close of closers.reverse()) {
    try {
      await close()
    } catch (error) {
      console.error(error)
    }
  }
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
  log(`${bench.name} took ${((Date.now() - started) / 1000).toFixed(0)} s`)
}
for (const dir of runDirs) fs.rmSync(dir, { recursive: true, force: true })

const cpus = os.cpus()
console.log(
  `\nDailies benchmarks, ${new Date().toISOString().slice(0, 16)}Z — Node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ` +
    `load average ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}, ${((Date.now() - startedAt) / 1000).toFixed(0)} s\n`,
)
console.log(formatTable(rows))
process.exitCode = crashed ? 1 : 0
