import type { JobRecord } from '../store/job-record'
import { UpstreamError, type ContentVariant, type Upstream } from '../upstream/types'
import type { Vault } from '../vault/vault'
import { sidecarFor } from './sidecar'

export interface ArchiveResult {
  hasThumbnail: boolean
  hasSpritesheet: boolean
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

/**
 * Copies a finished take's files from the provider into the vault and writes its sidecar.
 * The video is required; a provider without thumbnails or spritesheets leaves those out.
 * Throws FilesGoneError when the video can no longer be had; other errors are worth a retry.
 */
export async function archiveTake(
  upstream: Upstream,
  vault: Vault,
  job: JobRecord & { upstreamId: string },
  completedAt: string,
): Promise<ArchiveResult> {
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
  await vault.writeFile(job.id, 'sidecar', sidecarFor({ ...job, completedAt }, files))
  return { hasThumbnail: 'thumbnail' in files, hasSpritesheet: 'spritesheet' in files }
}
