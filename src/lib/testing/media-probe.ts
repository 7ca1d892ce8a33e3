import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { defaultFfmpegPath, runFfmpeg } from '../ffmpeg'

/**
 * What tests read back from a media file the studio, the simulator or an export wrote: its
 * streams (ffprobe) and the colour of a frame (ffmpeg, through the one runner). For the server's
 * and the simulator's tests and the e2e specs alike.
 */

const require = createRequire(import.meta.url)
const ffprobePath = (require('@ffprobe-installer/ffprobe') as { path: string }).path

export interface ProbedStream {
  codec_type: string
  codec_name: string
  width?: number
  height?: number
  pix_fmt?: string
  r_frame_rate?: string
  duration?: string
}

export async function probeMedia(
  file: string,
): Promise<{ streams: ProbedStream[]; duration: number }> {
  const entries =
    'stream=codec_type,codec_name,width,height,pix_fmt,r_frame_rate,duration:format=duration'
  const { stdout } = await promisify(execFile)(ffprobePath, [
    '-v',
    'error',
    '-show_entries',
    entries,
    '-of',
    'json',
    file,
  ])
  const probe = JSON.parse(stdout) as { streams: ProbedStream[]; format: { duration: string } }
  return { streams: probe.streams, duration: Number(probe.format.duration) }
}

export type Rgb = [number, number, number]

/**
 * The mean colour of one frame, as [r, g, b]: the first, the last (0.2 s before the end), or the
 * one at a time in seconds; of the whole picture, or of its centre 16×16 pixels (away from
 * captions and fades at the edges).
 */
export async function frameColour(
  video: string,
  at: 'first' | 'last' | number,
  region: 'whole' | 'centre' = 'whole',
): Promise<Rgb> {
  const seek = at === 'first' ? [] : at === 'last' ? ['-sseof', '-0.2'] : ['-ss', at.toFixed(3)]
  const crop = region === 'centre' ? 'crop=16:16,' : ''
  const pixel = path.join(os.tmpdir(), `dailies-pixel-${randomUUID()}.rgb`)
  try {
    await runFfmpeg(defaultFfmpegPath(), [
      ...['-y', ...seek, '-i', video, '-frames:v', '1', '-vf', `${crop}scale=1:1:flags=area`],
      ...['-f', 'rawvideo', '-pix_fmt', 'rgb24', pixel],
    ])
    const [r = 0, g = 0, b = 0] = await fs.readFile(pixel)
    return [r, g, b]
  } finally {
    await fs.rm(pixel, { force: true })
  }
}
