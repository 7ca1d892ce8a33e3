import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

/** The one way the studio (frames, reel exports) and the simulator (renders) find and run ffmpeg. */

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

export interface RunOptions {
  /** Called with the seconds of output written so far (ffmpeg's `-progress`, about twice a second). */
  onProgress?: (seconds: number) => void
  /** Called with each chunk of an output written to `pipe:1` (not with onProgress, which uses it too). */
  onOutput?: (chunk: Buffer) => void
}

/** Runs ffmpeg to completion; an abort kills it and rejects once the process is gone. */
export function runFfmpeg(
  ffmpegPath: string,
  args: string[],
  signal: AbortSignal = new AbortController().signal,
  options: RunOptions = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new FfmpegError('aborted'))
      return
    }
    const { onProgress, onOutput } = options
    const progress = onProgress ? ['-progress', 'pipe:1', '-nostats'] : []
    const child = spawn(ffmpegPath, ['-hide_banner', '-nostdin', '-loglevel', 'error', ...progress, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    if (onOutput) child.stdout.on('data', onOutput)
    else if (!onProgress) child.stdout.resume()
    else {
      let pending = ''
      child.stdout.setEncoding('utf8')
      child.stdout.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n')
        pending = lines.pop() ?? ''
        for (const line of lines) {
          // Despite its name, out_time_ms is in microseconds.
          const match = /^out_time_ms=(\d+)$/.exec(line.trim())
          if (match) onProgress(Number(match[1]) / 1e6)
        }
      })
    }
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

/**
 * ffmpeg's own description of a media file's streams (what `ffmpeg -i` prints). With no output
 * ffmpeg describes the input on stderr and exits 1: that is expected here.
 */
function describeMedia(ffmpegPath: string, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, ['-hide_banner', '-nostdin', '-i', file], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    child.on('error', (err) => reject(new FfmpegError(`could not start ffmpeg (${ffmpegPath}): ${err.message}`)))
    child.on('close', () => {
      if (!/Stream #\d+:\d+/.test(stderr)) reject(new FfmpegError(`ffmpeg could not read ${file}: ${stderr.trim().slice(-400)}`))
      else resolve(stderr)
    })
  })
}

/** Whether a media file has an audio stream. */
export async function hasAudioStream(ffmpegPath: string, file: string): Promise<boolean> {
  return /Stream #\d+:\d+.*: Audio:/.test(await describeMedia(ffmpegPath, file))
}

/** The frame rate of a video's first video stream (24, 23.98, 29.97…); null when it states none. */
export async function videoFrameRate(ffmpegPath: string, file: string): Promise<number | null> {
  const match = /Stream #\d+:\d+.*: Video:.*?(\d+(?:\.\d+)?) (?:fps|tbr)/.exec(await describeMedia(ffmpegPath, file))
  const fps = match ? Number(match[1]) : Number.NaN
  return Number.isFinite(fps) && fps > 0 ? fps : null
}

/** The pixel size of an image (or a video's first video stream). */
export async function imageSize(ffmpegPath: string, file: string): Promise<{ width: number; height: number }> {
  const description = await describeMedia(ffmpegPath, file)
  const match = /Stream #\d+:\d+.*: Video: .*?, (\d+)x(\d+)[\s,[]/.exec(description)
  if (!match) throw new FfmpegError(`ffmpeg gave no picture size for ${file}`)
  return { width: Number(match[1]), height: Number(match[2]) }
}
