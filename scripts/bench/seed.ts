import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jobSchema } from '../../src/contract/job'
import { openStore as openStudioStore } from '../../src/server/store/database'
import { JobRepository } from '../../src/server/store/job-repository'
import type { JobRecord, StillSize } from '../../src/server/store/job-record'
import { multipartBody } from '../../src/server/testing/multipart'
import { startTestStudio } from '../../src/server/testing/test-studio'
import { FolderVault } from '../../src/server/vault/folder-vault'
import { ASSETS } from '../../src/server/vault/vault'

/** A fresh folder for one benchmark's data, removed by the runner at the end. */
export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `dailies-bench-${label}-`))
}

/** Inputs that are slow to make and never change (random bytes, a noise image), kept across runs. */
export function cacheDir(): string {
  const dir = path.join(os.tmpdir(), 'dailies-bench-cache')
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

/** A file of random (incompressible) bytes, made once and reused by later runs. */
export function cachedRandomFile(name: string, bytes: number): string {
  const file = path.join(cacheDir(), name)
  if (fs.existsSync(file) && fs.statSync(file).size === bytes) return file
  const temp = `${file}.${process.pid}.tmp`
  const fd = fs.openSync(temp, 'w')
  for (let written = 0; written < bytes;) {
    const chunk = randomBytes(Math.min(1 << 20, bytes - written))
    fs.writeSync(fd, chunk)
    written += chunk.length
  }
  fs.closeSync(fd)
  fs.renameSync(temp, file)
  return file
}

/** Shares a file without copying it (a hard link), falling back to a copy across disks. */
export function linkOrCopy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  try {
    fs.linkSync(from, to)
  } catch {
    fs.copyFileSync(from, to)
  }
}

export interface Store {
  repo: JobRepository
  vault: FolderVault
  /** Runs `work` in one transaction, on a repository inside it: 10,000 inserts take a fraction of a second. */
  transaction(work: (repo: JobRepository) => Promise<void>): Promise<void>
  close(): Promise<void>
}

/** The studio's own store and vault on a data folder, as createStudio would open them. */
export async function openStore(dataDir: string): Promise<Store> {
  const store = await openStudioStore({ sqliteFile: path.join(dataDir, 'dailies.db') })
  return {
    repo: new JobRepository(store.db),
    vault: new FolderVault(path.join(dataDir, 'vault')),
    transaction: (work) => store.db.transaction().execute((trx) => work(new JobRepository(trx))),
    close: () => store.close(),
  }
}

const SUBJECTS = [
  'a lighthouse at dusk',
  'a fox crossing a snowy road',
  'rain on a neon street',
  'a paper boat in a gutter',
  'two astronauts playing chess',
  'a bakery at 5 a.m.',
]
const MOVES = [
  'slow dolly in',
  'handheld, shallow focus',
  'drone shot rising',
  'static wide shot',
  'whip pan to close-up',
]

/** A completed take's record, the way the watcher leaves one; `index` varies prompt and time. */
export function completedRecord(index: number, fields: Partial<JobRecord> = {}): JobRecord {
  const created = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString()
  const completed = new Date(Date.UTC(2026, 0, 1) + index * 60_000 + 40_000).toISOString()
  return {
    id: `job_bench${String(index).padStart(7, '0')}`,
    upstreamId: `video_${index.toString(16).padStart(32, '0')}`,
    provider: 'simulator',
    prompt: `Take ${index}: ${SUBJECTS[index % SUBJECTS.length] ?? ''}, ${MOVES[index % MOVES.length] ?? ''}, 35 mm film grain, warm light, gentle camera movement`,
    model: 'sora-2',
    providerModel: null,
    size: '720x1280',
    seconds: 4,
    fit: 'cover',
    status: 'completed',
    progress: 100,
    error: null,
    createdAt: created,
    updatedAt: completed,
    completedAt: completed,
    remixOf: null,
    group: `grp_${Math.floor(index / 4)}`,
    take: String.fromCharCode(65 + (index % 4)),
    reference: null,
    lastReference: null,
    hasThumbnail: true,
    hasSpritesheet: true,
    still: null,
    costUsd: 0.4,
    verdict: null,
    notesCount: 0,
    verdictBy: null,
    author: null,
    ...fields,
  }
}

export interface RenderedTake {
  dir: string
  files: Record<(typeof TAKE_FILES)[number], string>
  /** The still the studio made when it archived the take (seeded takes share it too). */
  still: StillSize
}

/** A rendered take's files, as the studio's vault names them. */
const TAKE_FILES = ['video', 'thumbnail', 'spritesheet', 'still'] as const

let rendered: Promise<RenderedTake> | null = null

/**
 * One real take rendered through the studio and its simulator (fast mode), its files (the still
 * the studio made included) kept in a folder of ours. Rendered once per run; seeded galleries share these files.
 */
export function renderOneTake(into: string): Promise<RenderedTake> {
  rendered ??= (async () => {
    const studio = await startTestStudio()
    try {
      const reply = await studio.app.inject({
        method: 'POST',
        url: '/api/jobs',
        ...multipartBody({
          prompt: 'A lighthouse at dusk, slow dolly in',
          model: 'sora-2',
          size: '720x1280',
          seconds: '4',
        }),
      })
      if (reply.statusCode !== 201)
        throw new Error(`create answered ${reply.statusCode}: ${reply.body}`)
      const { id } = jobSchema.parse(reply.json())
      const job = await studio.waitForJob(
        id,
        (j) => j.status === 'completed' || j.status === 'failed',
        120_000,
      )
      if (job.status !== 'completed')
        throw new Error(`the take failed: ${job.error?.message ?? ''}`)
      const still = await studio.repo.get(id).then((record) => record?.still ?? null)
      if (!still) throw new Error('the studio made no still of the take')
      const dir = path.join(into, 'take')
      fs.mkdirSync(dir, { recursive: true })
      const files = Object.fromEntries(
        TAKE_FILES.map((asset) => [asset, path.join(dir, ASSETS[asset].file)]),
      ) as RenderedTake['files']
      for (const asset of TAKE_FILES) fs.writeFileSync(files[asset], await studio.vault.read(id, asset))
      return { dir, files, still }
    } finally {
      await studio.close()
    }
  })()
  return rendered
}

/** `count` completed takes in a data folder, all sharing the rendered take's files. */
export async function seedTakes(dataDir: string, count: number, take: RenderedTake): Promise<void> {
  const store = await openStore(dataDir)
  try {
    await store.transaction(async (repo) => {
      for (let i = 1; i <= count; i++) {
        const record = completedRecord(i, { still: take.still })
        await repo.insert(record)
        for (const asset of TAKE_FILES) {
          linkOrCopy(take.files[asset], store.vault.pathOf(record.id, asset))
        }
      }
    })
  } finally {
    await store.close()
  }
}
