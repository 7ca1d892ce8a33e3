import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { freePort } from './studio-process'

const run = promisify(execFile)

/** Where Debian's postgresql package puts its programs, one folder per major version. */
const DEBIAN_POSTGRES = '/usr/lib/postgresql'

/** A throwaway PostgreSQL server for tests: its own folder, port and socket; gone after stop(). */
export interface PostgresCluster {
  /** The superuser's URL of the `postgres` database (for CREATE/DROP DATABASE). */
  adminUrl: string
  stop(): Promise<void>
}

/**
 * Starts a real PostgreSQL (Debian's package): initdb in a temp folder, then pg_ctl on a free
 * port with its socket in that folder. Durability is off (fsync, synchronous commit, full page
 * writes): a test cluster dies with the run anyway, and it makes every commit cheap. As root,
 * which initdb refuses, the programs run as the `postgres` user the package creates.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinaries()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-pg-'))
  const asOwner = ownerOf(dir)
  const data = path.join(dir, 'data')
  const port = await freePort()
  try {
    await asOwner(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      // Every studio a test opens holds a pool; parallel test files open many at once.
      '-c max_connections=400',
      '-c shared_buffers=64MB',
    ].join(' ')
    await asOwner(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-o', settings, '-w', '-t', '60', 'start'])
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw new Error(`PostgreSQL did not start: ${String(error)}\n${readLog(dir)}`, { cause: error })
  }
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await asOwner(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A new, empty database on the cluster for one studio (so tests running side by side never see
 * each other's rows), and a way to drop it again. Returns its URL.
 */
export async function createTestDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** The newest installed version's bin folder; a clear message when the package is missing. */
function postgresBinaries(): string {
  const versions = fs.existsSync(DEBIAN_POSTGRES)
    ? fs
        .readdirSync(DEBIAN_POSTGRES)
        .filter((version) => fs.existsSync(path.join(DEBIAN_POSTGRES, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  const newest = versions[0]
  if (newest === undefined) throw new Error(`No PostgreSQL under ${DEBIAN_POSTGRES}: install Debian's postgresql package (.ci/run does)`)
  return path.join(DEBIAN_POSTGRES, newest, 'bin')
}

type Runner = (program: string, args: string[]) => Promise<unknown>

/** Runs PostgreSQL's programs as the folder's owner: the `postgres` user when we are root. */
function ownerOf(dir: string): Runner {
  if (process.getuid?.() !== 0) return (program, args) => run(program, args)
  const { uid, gid } = postgresUser()
  fs.chownSync(dir, uid, gid)
  return (program, args) => run('runuser', ['-u', 'postgres', '--', program, ...args])
}

function postgresUser(): { uid: number; gid: number } {
  const entry = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('postgres:'))
  const [, , uid, gid] = entry?.split(':') ?? []
  if (uid === undefined || gid === undefined) {
    throw new Error("As root, PostgreSQL runs as the postgres user, and there is none: install Debian's postgresql package")
  }
  return { uid: Number(uid), gid: Number(gid) }
}

function readLog(dir: string): string {
  try {
    return fs.readFileSync(path.join(dir, 'log'), 'utf8')
  } catch {
    return ''
  }
}
