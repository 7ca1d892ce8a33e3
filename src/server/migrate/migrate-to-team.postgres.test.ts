import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { jobListSchema } from '../../contract/api'
import { openStore, type Store } from '../store/database'
import { createStudio } from '../studio'
import { createTestDatabase } from '../testing/postgres'
import { startS3Server, type TestS3Server } from '../testing/s3-server'
import { seedEveryTable } from '../testing/seed-every-table'
import { jobRecord } from '../testing/seed-job'
import { testStudioConfig } from '../testing/test-studio'
import { FolderVault } from '../vault/folder-vault'
import { S3Vault } from '../vault/s3-vault'
import { TABLE_ORDER, planOf } from './table-plan'

// node-pg project only: a real PostgreSQL (the project's cluster) and a real S3 server (s3rver).
const JOBS = 200
let dataDir: string
let s3: TestS3Server
let database: { url: string; drop(): Promise<void> }
let jobIds: string[]
/** sha256 of every vault file, by its key. */
const source = new Map<string, string>()

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-migrate-'))
  ;[s3, database] = await Promise.all([
    startS3Server(),
    createTestDatabase(inject('postgresAdminUrl')),
  ])
  const studio = await openStore({ sqliteFile: path.join(dataDir, 'dailies.db') })
  const jobs = await seedEveryTable(studio.db, JOBS)
  await studio.close()
  jobIds = jobs.map((job) => job.id)
  const vault = new FolderVault(path.join(dataDir, 'vault'))
  for (const [i, job] of jobs.entries()) {
    const video = randomBytes(3000 + i)
    fs.mkdirSync(vault.dirOf(job.id))
    fs.writeFileSync(vault.pathOf(job.id, 'video'), video)
    source.set(`${job.id}/video.mp4`, sha256(video))
    if (job.still) {
      const still = randomBytes(500 + i)
      fs.writeFileSync(vault.pathOf(job.id, 'still'), still)
      source.set(`${job.id}/still.webp`, sha256(still))
    }
  }
  expect(source.size).toBeGreaterThan(JOBS)
  // A write a crash interrupted is no file of the studio's: it stays behind.
  fs.writeFileSync(vault.tempPath('video'), 'half a video')
})
afterAll(async () => {
  await s3?.close()
  await database?.drop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

interface Run {
  lines: string[]
  code: number | null
}

/** `npm run migrate-to-team` as an operator runs it; SIGKILLed (a power cut) once `killWhen` says so. */
function migrate(
  args: string[],
  killWhen: (lines: string[]) => boolean = () => false,
): Promise<Run> {
  const { settings } = s3
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve('src/server/migrate/main.ts'), ...args],
    {
      env: {
        ...process.env,
        DAILIES_DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        DAILIES_S3_ENDPOINT: settings.endpoint ?? '',
        DAILIES_S3_BUCKET: settings.bucket,
        DAILIES_S3_REGION: settings.region,
        AWS_ACCESS_KEY_ID: settings.credentials?.accessKeyId ?? '',
        AWS_SECRET_ACCESS_KEY: settings.credentials?.secretAccessKey ?? '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const lines: string[] = []
  let pending = ''
  const collect = (chunk: Buffer) => {
    const parts = (pending + chunk.toString()).split('\n')
    pending = parts.pop() ?? ''
    lines.push(...parts)
    if (parts.length > 0 && killWhen(lines)) child.kill('SIGKILL')
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  return new Promise((resolve) => child.once('exit', (code) => resolve({ lines, code })))
}

const keysThat = (outcome: string, lines: string[]) =>
  lines.flatMap((line) => new RegExp(`^media \\d+/\\d+ ${outcome}: (\\S+)$`).exec(line)?.[1] ?? [])

/** Every table's rows, sorted by primary key here (not by either database's collation). */
async function allRows(store: Store) {
  const tables: Record<string, unknown[]> = {}
  for (const table of TABLE_ORDER) {
    const key = planOf(table).primaryKey
    const rows: Record<string, unknown>[] = await store.db.selectFrom(table).selectAll().execute()
    const keyOf = (row: Record<string, unknown>) => JSON.stringify(key.map((column) => row[column]))
    tables[table] = rows.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1))
  }
  return tables
}

const countJobs = async (store: Store) =>
  Number(
    (
      await store.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('npm run migrate-to-team', () => {
  it('copies a 200-job studio into PostgreSQL and the bucket, killed twice, resumed, every row and file verified', async () => {
    const target = await openStore({ postgresUrl: database.url })
    try {
      // 1. A power cut during the database copy (a row a transaction: 200 commits to stop between,
      // so the kill lands mid-table even when this process reacts late).
      const first = await migrate(['--batch-size', '1'], (lines) =>
        lines.some((line) => line.startsWith('rows jobs ')),
      )
      expect(first.code, first.lines.join('\n')).toBeNull()
      const jobsBeforeKill = await countJobs(target)
      expect(jobsBeforeKill).toBeGreaterThan(0)
      expect(jobsBeforeKill).toBeLessThan(JOBS)

      // 2. Another, halfway through the files. The database copy carried on where it stopped.
      const second = await migrate([], (lines) => keysThat('copied', lines).length >= 50)
      expect(second.code, second.lines.join('\n')).toBeNull()
      expect(second.lines).toContain(
        `database: jobs: ${JOBS - jobsBeforeKill} copied, ${jobsBeforeKill} already there`,
      )
      const copiedBeforeKill = keysThat('copied', second.lines)
      expect(copiedBeforeKill.length).toBeLessThan(source.size)

      // 3. To the end: nothing copied twice, everything verified.
      const third = await migrate([])
      expect(third.code, third.lines.join('\n')).toBe(0)
      expect(third.lines).toContain(`database: jobs: 0 copied, ${JOBS} already there`)
      const resumed = keysThat('copied', third.lines)
      expect(resumed.filter((key) => copiedBeforeKill.includes(key))).toEqual([])
      expect([...resumed, ...keysThat('already there', third.lines)].sort()).toEqual(
        [...source.keys()].sort(),
      )
      for (const table of TABLE_ORDER)
        expect(
          third.lines.some((line) => new RegExp(`^  ${table} .* ok$`).test(line)),
          table,
        ).toBe(true)
      expect(
        third.lines.some((line) => new RegExp(`^ {2}media files +${source.size} → +${source.size} same .* ok$`).test(line)),
      ).toBe(true)
      expect(third.lines.at(-1)).toMatch(/^migrate-to-team: every row and every file matches/)

      // Checked here too, without the command's own checksums: every row alike, every object byte for byte.
      const sqlite = await openStore({ sqliteFile: path.join(dataDir, 'dailies.db') })
      try {
        expect(await allRows(target)).toEqual(await allRows(sqlite))
      } finally {
        await sqlite.close()
      }
      const bucket = new S3Vault(s3.settings, path.join(dataDir, 'check-tmp'))
      expect(await bucket.keys()).toEqual([...source.keys()].sort())
      const stored = new Map<string, string>()
      for (const key of source.keys()) {
        const [owner = '', file] = key.split('/')
        stored.set(key, sha256(await bucket.read(owner, file === 'still.webp' ? 'still' : 'video')))
      }
      expect(stored).toEqual(source)
    } finally {
      await target.close()
    }
  })

  it('a studio opened on the target lists all 200 takes, serves their videos and carries on numbering', async () => {
    const emptyFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-team-'))
    const studio = await createStudio(
      await testStudioConfig(emptyFolder, { databaseUrl: database.url, s3: s3.settings }),
    )
    try {
      const listed: string[] = []
      for (let cursor: string | null = ''; cursor !== null;) {
        const reply = await studio.app.inject({
          url: `/api/jobs?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        })
        const page = jobListSchema.parse(reply.json())
        listed.push(...page.items.map((job) => job.id))
        cursor = page.nextCursor
      }
      expect(listed.sort()).toEqual([...jobIds].sort())

      const id = jobIds[7] ?? ''
      const video = await studio.app.inject({ url: `/api/jobs/${id}/video` })
      expect(video.statusCode).toBe(200)
      expect(sha256(video.rawPayload)).toBe(source.get(`${id}/video.mp4`))

      // A new take after the copied ones: PostgreSQL's key counts on from the copied rows.
      const next = jobRecord({ status: 'completed' })
      await studio.repo.insert(next)
      const newest = jobListSchema.parse(
        (await studio.app.inject({ url: '/api/jobs?limit=1' })).json(),
      )
      expect(newest.items.map((job) => job.id)).toEqual([next.id])
    } finally {
      await studio.close()
      fs.rmSync(emptyFolder, { recursive: true, force: true })
    }
  })

  it('once the team has written, --verify-only names every difference and exits 1, and a new copy refuses', async () => {
    // The studio test above added a take on PostgreSQL; now one object goes missing too.
    const lost = `${jobIds[0] ?? ''}/video.mp4`
    await new S3Vault(s3.settings, path.join(dataDir, 'check-tmp')).remove(jobIds[0] ?? '')

    const check = await migrate(['--verify-only'])
    expect(check.code).toBe(1)
    expect(
      check.lines.some((line) =>
        /^ {2}jobs +200 → +201 rows .* MISMATCH: 1 only in the target/.test(line),
      ),
    ).toBe(true)
    expect(
      check.lines.some((line) => line.includes(`MISMATCH: 1 missing or different (${lost})`)),
    ).toBe(true)
    expect(check.lines.at(-1)).toMatch(new RegExp(`^migrate-to-team: 1 of 9 tables and 1 of ${source.size} files differ`))

    const again = await migrate([])
    expect(again.code).toBe(1)
    expect(again.lines.join('\n')).toMatch(
      /already holds data that is not this studio's:\n {2}jobs: rows this studio does not have/,
    )
    expect(again.lines.some((line) => line.startsWith('media '))).toBe(false)
  })
})
