import type { FastifyBaseLogger } from 'fastify'
import { videoFrameRate } from '../../lib/ffmpeg'
import type { Vault } from '../vault/vault'

/** What a timecode counts in when the video cannot be read: the most common rate of film. */
export const FALLBACK_FPS = 24
const REMEMBERED = 2000

/**
 * The frame rate of each take's video, read from the file by ffmpeg once and remembered: a take's
 * video never changes, and an export of the circled takes asks for many of them.
 */
export class TakeFps {
  private readonly known = new Map<string, number>()

  constructor(
    private readonly vault: Vault,
    private readonly ffmpegPath: string,
    private readonly log: FastifyBaseLogger,
  ) {}

  async of(jobId: string): Promise<number> {
    const known = this.known.get(jobId)
    if (known !== undefined) return known
    let fps: number | null = null
    try {
      fps = await videoFrameRate(this.ffmpegPath, await this.vault.ffmpegInput(jobId, 'video'))
    } catch (error) {
      this.log.warn({ err: error, jobId }, 'could not read the frame rate of a take')
      return FALLBACK_FPS
    }
    if (this.known.size >= REMEMBERED) this.known.clear()
    this.known.set(jobId, fps ?? FALLBACK_FPS)
    return fps ?? FALLBACK_FPS
  }
}
