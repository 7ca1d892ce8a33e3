import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { jobSchema, type Job } from '../../contract/job'
import { studioDatabaseUrl } from './test-database'

export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/**
 * The real studio as its own process: `src/server/main.ts` under tsx (crash tests), or, given
 * `compiled`, a server `npm run build` compiled, under plain node with nothing preloaded. Unless
 * `env` names a DATABASE_URL, its database is the test project's back end for its data folder.
 */
export async function spawnStudio(
  env: Record<string, string>,
  { compiled }: { compiled?: string } = {},
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort()
  const databaseUrl = env.DATABASE_URL ?? (env.DAILIES_DATA_DIR ? await studioDatabaseUrl(env.DAILIES_DATA_DIR) : null)
  const args = compiled ? [compiled] : ['--import', 'tsx', path.resolve('src/server/main.ts')]
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      ...env,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...(compiled ? { NODE_OPTIONS: '' } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`studio exited early:\n${output}`)
    const healthy = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (healthy) return { child, url }
    if (Date.now() > deadline) throw new Error(`studio did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

/** A 4 s take created over HTTP on a studio process, as a browser would; throws unless it is a 201. */
export async function createOverHttp(url: string, prompt: string): Promise<Job> {
  const form = new FormData()
  for (const [k, v] of Object.entries({ prompt, model: 'sora-2', size: '720x1280', seconds: '4' })) form.set(k, v)
  const reply = await fetch(`${url}/api/jobs`, { method: 'POST', body: form })
  if (reply.status !== 201) throw new Error(`POST /api/jobs on ${url}: ${reply.status} ${await reply.text()}`)
  return jobSchema.parse(await reply.json())
}
