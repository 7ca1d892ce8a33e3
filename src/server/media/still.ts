import { imageSize, runFfmpeg } from '../../lib/ffmpeg'
import type { StillSize } from '../store/job-record'
import type { Vault } from '../vault/vault'

/**
 * A take's still at tile size: the gallery draws a thumbnail about 120 px wide on a phone, so the
 * provider's full-size still (720×1280 or larger) is mostly bytes nobody sees. Made once, when the
 * take is archived, from the thumbnail in the vault; the tile's srcset offers both.
 */

/** The still's longer side in pixels (a smaller thumbnail is never scaled up). */
export const STILL_LONG_SIDE = 480
const STILL_QUALITY = 75

/** The still's size for a thumbnail of `width` × `height`: the same shape, the long side at most 480. */
export function stillDimensions(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, STILL_LONG_SIDE / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/**
 * Makes the still of a take whose thumbnail is in the vault and stores it beside it. ffmpeg hands
 * the few kilobytes over on stdout, so the vault writes them as any small file (whole or not at all).
 */
export async function makeStill(ffmpegPath: string, vault: Vault, jobId: string): Promise<StillSize> {
  const thumbnail = await vault.ffmpegInput(jobId, 'thumbnail')
  const source = await imageSize(ffmpegPath, thumbnail)
  const still = stillDimensions(source.width, source.height)
  const chunks: Buffer[] = []
  await runFfmpeg(
    ffmpegPath,
    [
      ...['-i', thumbnail, '-vf', `scale=${still.width}:${still.height}`, '-frames:v', '1'],
      ...['-c:v', 'libwebp', '-quality', String(STILL_QUALITY), '-f', 'webp', 'pipe:1'],
    ],
    undefined,
    { onOutput: (chunk) => chunks.push(chunk) },
  )
  const bytes = Buffer.concat(chunks)
  if (bytes.length === 0) throw new Error('ffmpeg wrote an empty still')
  await vault.writeFile(jobId, 'still', bytes)
  return { width: still.width, thumbnailWidth: source.width }
}
