import fs from 'node:fs'
import type { Memory } from './child'

type Handler = (payload: unknown) => unknown

interface Request {
  id: number
  type: string
  payload?: unknown
}

/** The config the parent passed as the first argument. */
export function childConfig<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T
}

/** VmHWM from /proc (Linux): the peak RSS as the kernel saw it, between samples too. */
function kernelPeak(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))
    return match?.[1] ? Number(match[1]) * 1024 : null
  } catch {
    return null
  }
}

/** Samples RSS every few ms and answers `memory` / `reset-peak`, besides the child's own calls. */
export function serveParent(handlers: Record<string, Handler>, onExit: () => Promise<void>): void {
  let sampledPeak = process.memoryUsage.rss()
  // The kernel's peak counts only once it could be reset to now; before that it holds start-up.
  let kernelResettable = false
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss())
  }, 5)
  const builtIn: Record<string, Handler> = {
    memory: (): Memory => {
      const rss = process.memoryUsage.rss()
      sampledPeak = Math.max(sampledPeak, rss)
      return { rss, peak: Math.max(sampledPeak, kernelResettable ? (kernelPeak() ?? 0) : 0) }
    },
    'reset-peak': () => {
      try {
        // "5" resets the peak RSS (VmHWM) to the current RSS; see proc(5).
        fs.writeFileSync('/proc/self/clear_refs', '5')
        kernelResettable = true
      } catch {
        // Not Linux, or not allowed: the sampled peak still works.
      }
      sampledPeak = process.memoryUsage.rss()
      return null
    },
  }
  process.on('message', (message: Request) => {
    if (message.type === 'exit') {
      clearInterval(sampler)
      void onExit().finally(() => process.exit(0))
      return
    }
    const handler = handlers[message.type] ?? builtIn[message.type]
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no handler for ${message.type}`)
        return handler(message.payload)
      })
      .then(
        (value) => process.send?.({ id: message.id, ok: true, value }),
        (error: unknown) => process.send?.({ id: message.id, ok: false, error: String(error) }),
      )
  })
  // A parent that died (a crash, Ctrl-C) takes its servers with it.
  process.on('disconnect', () => process.exit(0))
  process.send?.({ ready: true })
}
