import fsp from 'node:fs/promises'
import { runFfmpeg } from '../../lib/ffmpeg'
import { ApiError } from '../../contract/errors'

/** How far before the end to start decoding when the last frame is asked for. */
const TAIL_SECONDS = 0.5

/**
 * Extracts one frame of a video as PNG at `width`x`height`: the frame at `at` seconds, or the
 * last frame when `at` is null or past the end. `video` is a path or URL (Vault.ffmpegInput);
 * ffmpeg writes to `outFile` (a vault temp path).
 */
export async function extractFrame(
  ffmpegPath: string,
  video: string,
  outFile: string,
  opts: { at: number | null; durationSeconds: number; width: number; height: number },
): Promise<Buffer> {
  const lastFrame = opts.at === null || opts.at >= opts.durationSeconds - TAIL_SECONDS
  const seek = lastFrame ? ['-sseof', `-${TAIL_SECONDS}`] : ['-ss', opts.at!.toFixed(3)]
  // With -update 1 every decoded frame overwrites the file, so the last one stays.
  const frames = lastFrame ? ['-update', '1'] : ['-frames:v', '1']
  const args = [
    '-y',
    ...seek, '-i', video,
    '-vf', `scale=${opts.width}:${opts.height}`,
    ...frames, '-f', 'image2', '-c:v', 'png', outFile,
  ]
  try {
    await runFfmpeg(ffmpegPath, args)
    const png = await fsp.readFile(outFile)
    if (png.length === 0) throw new Error('empty frame')
    return png
  } catch (error) {
    throw new ApiError('internal', `Could not extract the frame: ${(error as Error).message}`)
  } finally {
    await fsp.rm(outFile, { force: true })
  }
}
