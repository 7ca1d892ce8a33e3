import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The parent's side of a benchmark child: a server in its own process, so that its memory is
 * its own and load generators in this process do not steal its event loop. Requests travel over
 * IPC as `{ id, type, payload }` and come back as `{ id, ok, value | error }`.
 */
export interface Child {
  pid: number
  call<T>(type: string, payload?: unknown): Promise<T>
  close(): Promise<void>
}

interface Reply {
  id: number
  ok: boolean
  value?: unknown
  error?: string
}

const here = path.dirname(fileURLToPath(import.meta.url))

export async function spawnChild(
  entry: string,
  config: unknown,
  options: { nice?: number } = {},
): Promise<Child> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(here, entry), JSON.stringify(config)],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >()
  let next = 0
  let ready: () => void = () => {}
  const started = new Promise<void>((resolve, reject) => {
    ready = resolve
    child.once('exit', (code) =>
      reject(new Error(`${entry} exited (${code}) before it was ready:\n${stderr}`)),
    )
  })
  child.on('message', (message: Reply | { ready: true }) => {
    if ('ready' in message) return ready()
    const waiter = pending.get(message.id)
    pending.delete(message.id)
    if (message.ok) waiter?.resolve(message.value)
    else waiter?.reject(new Error(`${entry}: ${message.error ?? 'failed'}`))
  })
  child.on('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${entry} exited:\n${stderr}`))
    pending.clear()
  })
  await started
  const pid = child.pid ?? 0
  if (options.nice !== undefined) {
    const os = await import('node:os')
    os.setPriority(pid, options.nice)
  }
  return {
    pid,
    call<T>(type: string, payload?: unknown): Promise<T> {
      const id = ++next
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: (value) => resolve(value as T), reject })
        child.send({ id, type, payload })
      })
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.send({ id: 0, type: 'exit' })
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

export interface Memory {
  /** Resident set size now, bytes. */
  rss: number
  /** The highest RSS since the last reset: the kernel's VmHWM where there is one, else sampled. */
  peak: number
}
