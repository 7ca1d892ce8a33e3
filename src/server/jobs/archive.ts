import type { FastifyBaseLogger } from 'fastify'
import { makeStill } from '../media/still'
import type { JobRecord, StillSize } from '../store/job-record'
import { UpstreamError, type ContentVariant, type Upstream } from '../upstream/types'
import type { Vault } from '../vault/vault'
import { sidecarFor } from './sidecar'

export interface ArchiveDeps {
  upstream: Upstream
  vault: Vault
  /** Makes the tile-sized still (media/still.ts). */
  ffmpegPath: string
  log: FastifyBaseLogger
}

export interface ArchiveResult {
  hasThumbnail: boolean
  hasSpritesheet: boolean
  still: StillSize | null
}

export class FilesGoneError extends Error {
  override readonly name = 'FilesGoneError'
}

async function copyVariant(
  upstream: Upstream,
  vault: Vault,
  job: JobRecord & { upstreamId: string },
  variant: ContentVariant,
): Promise<number> {
  const content = await upstream.download(job.upstreamId, variant)
  return vault.writeStream(job.id, variant, content.body, content.contentLength)
}

const isGone = (error: unknown) =>
  error instanceof UpstreamError && (error.kind === 'not_found' || error.kind === 'invalid')

/** The take's still, or none when ffmpeg could not make it: the gallery then shows the thumbnail. */
async function stillOf(deps: ArchiveDeps, jobId: string): Promise<StillSize | null> {
  try {
    return await makeStill(deps.ffmpegPath, deps.vault, jobId)
  } catch (error) {
    deps.log.warn({ err: error, jobId }, 'could not make the tile-sized still; the gallery shows the thumbnail')
    return null
  }
}

/**
 * Copies a finished take's files from the provider into the vault, makes its tile-sized still and
 * writes its sidecar. The video is required; a provider without thumbnails or spritesheets leaves
 * those out (and with no thumbnail there is no still). Throws FilesGoneError when the video can no
 * longer be had; other errors are worth a retry. The sidecar lists the provider's files only.
 */
export async function archiveTake(
  deps: ArchiveDeps,
  job: JobRecord & { upstreamId: string },
  completedAt: string,
): Promise<ArchiveResult> {
  const { upstream, vault } = deps
  const files: Record<string, number> = {}
  try {
    files.video = await copyVariant(upstream, vault, job, 'video')
  } catch (error) {
    if (isGone(error)) throw new FilesGoneError((error as Error).message, { cause: error })
    throw error
  }
  for (const variant of ['thumbnail', 'spritesheet'] as const) {
    try {
      files[variant] = await copyVariant(upstream, vault, job, variant)
    } catch (error) {
      if (!isGone(error)) throw error
    }
  }
  const still = 'thumbnail' in files ? await stillOf(deps, job.id) : null
  await vault.writeFile(job.id, 'sidecar', sidecarFor({ ...job, completedAt }, files))
  return { hasThumbnail: 'thumbnail' in files, hasSpritesheet: 'spritesheet' in files, still }
}
