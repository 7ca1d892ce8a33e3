import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

/** The one way the studio (frames) and the simulator (renders) find and run ffmpeg. */

const require = createRequire(import.meta.url)

/** The ffmpeg binary shipped by @ffmpeg-installer/ffmpeg (callers may pass their own). */
export function defaultFfmpegPath(): string {
  const mod: unknown = require('@ffmpeg-installer/ffmpeg')
  if (typeof mod === 'object' && mod !== null && 'path' in mod && typeof mod.path === 'string') {
    return mod.path
  }
  throw new Error('@ffmpeg-installer/ffmpeg did not provide a binary path')
}

export class FfmpegError extends Error {
  override readonly name = 'FfmpegError'
}

/** Runs ffmpeg to completion; an abort kills it and rejects once the process is gone. */
export function runFfmpeg(
  ffmpegPath: string,
  args: string[],
  signal: AbortSignal = new AbortController().signal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new FfmpegError('aborted'))
      return
    }
    const child = spawn(ffmpegPath, ['-hide_banner', '-nostdin', '-loglevel', 'error', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000)
    })
    const onAbort = () => child.kill('SIGKILL')
    signal.addEventListener('abort', onAbort, { once: true })
    child.on('error', (err) => {
      signal.removeEventListener('abort', onAbort)
      reject(new FfmpegError(`could not start ffmpeg (${ffmpegPath}): ${err.message}`))
    })
    child.on('close', (code, sig) => {
      signal.removeEventListener('abort', onAbort)
      if (signal.aborted) reject(new FfmpegError('aborted'))
      else if (code === 0) resolve()
      else reject(new FfmpegError(`ffmpeg exited with ${code ?? sig}: ${stderr.trim()}`))
    })
  })
}
