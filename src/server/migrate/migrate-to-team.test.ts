import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobRecord } from '../testing/seed-job'
import { startS3Server, type TestS3Server } from '../testing/s3-server'
import { S3Vault } from '../vault/s3-vault'
import { FolderVault } from '../vault/folder-vault'

const JOBS = 200
let dataDir: string
let s3: TestS3Server
/** sha256 of every vault file, by its key. */
const source = new Map<string, string>()

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-migrate-'))
  s3 = await startS3Server()
  const vault = new FolderVault(path.join(dataDir, 'vault'))
  for (let i = 0; i < JOBS; i++) {
    const job = jobRecord({ status: 'completed' })
    const files = { video: randomBytes(6000 + i), sidecar: Buffer.from(JSON.stringify({ id: job.id, prompt: job.prompt })) }
    fs.mkdirSync(vault.dirOf(job.id))
    for (const [asset, bytes] of Object.entries(files) as [keyof typeof files, Buffer][]) {
      fs.writeFileSync(vault.pathOf(job.id, asset), bytes)
      source.set(`${job.id}/${{ video: 'video.mp4', sidecar: 'job.json' }[asset]}`, sha256(bytes))
    }
  }
  // A write a crash interrupted is no file of the studio's: it stays behind.
  fs.writeFileSync(vault.tempPath('video'), 'half a video')
})
afterAll(async () => {
  await s3.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** `npm run migrate-to-team` on the data folder, as an operator runs it. */
function migrate(): { child: ChildProcess; lines: string[]; exited: Promise<number | null> } {
  const { settings } = s3
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/server/migrate/main.ts')], {
    env: {
      ...process.env,
      DAILIES_DATA_DIR: dataDir,
      DAILIES_S3_ENDPOINT: settings.endpoint ?? '',
      DAILIES_S3_BUCKET: settings.bucket,
      DAILIES_S3_REGION: settings.region,
      AWS_ACCESS_KEY_ID: settings.credentials?.accessKeyId ?? '',
      AWS_SECRET_ACCESS_KEY: settings.credentials?.secretAccessKey ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let pending = ''
  const collect = (chunk: Buffer) => {
    const parts = (pending + chunk.toString()).split('\n')
    pending = parts.pop() ?? ''
    lines.push(...parts)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, lines, exited }
}

const keysThat = (outcome: string, lines: string[]) =>
  lines.flatMap((line) => new RegExp(`^media \\d+/\\d+ ${outcome}: (\\S+)$`).exec(line)?.[1] ?? [])
const copiedKeys = (lines: string[]) => keysThat('copied', lines)

describe('npm run migrate-to-team', () => {
  it('copies a 200-job vault into the bucket, survives a kill, resumes without copying twice, and verifies every checksum', async () => {
    const first = migrate()
    // Killed hard midway, as a machine that loses power.
    const deadline = Date.now() + 60_000
    while (copiedKeys(first.lines).length < JOBS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    first.child.kill('SIGKILL')
    await first.exited
    const beforeKill = copiedKeys(first.lines)
    expect(beforeKill.length).toBeGreaterThan(0)
    expect(beforeKill.length).toBeLessThan(source.size)

    const second = migrate()
    expect(await second.exited, second.lines.join('\n')).toBe(0)
    const resumed = copiedKeys(second.lines)
    // What the first run finished is not copied again (nor what it had in flight when killed, if
    // that upload completed); everything else is copied once.
    const skipped = keysThat('already there', second.lines)
    expect(resumed.filter((key) => beforeKill.includes(key))).toEqual([])
    expect(skipped).toEqual(expect.arrayContaining(beforeKill))
    expect([...resumed, ...skipped].sort()).toEqual([...source.keys()].sort())
    expect(second.lines).toContain(`media: all ${source.size} files verified (sha256)`)

    // The bucket holds each file once under its key, nothing else, each byte for byte.
    const bucket = new S3Vault(s3.settings, path.join(dataDir, 'check-tmp'))
    expect(await bucket.keys()).toEqual([...source.keys()].sort())
    const stored = new Map<string, string>()
    await Promise.all(
      [...source.keys()].map(async (key) => {
        const [owner = '', file = ''] = key.split('/')
        const asset = file === 'video.mp4' ? 'video' : 'sidecar'
        stored.set(key, sha256(await bucket.read(owner, asset)))
      }),
    )
    expect(stored).toEqual(source)
  })
})
