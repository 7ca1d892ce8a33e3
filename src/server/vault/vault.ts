import type { Readable } from 'node:stream'
import { z } from '../../lib/zod'
import { jobIdSchema } from '../../contract/job'
import { reelIdSchema } from '../../contract/reels'
import type { ReadRange } from '../media/byte-range'

/** Every file the studio keeps for a job, under fixed names: never a client-chosen one. */
export const ASSETS = {
  video: { file: 'video.mp4', contentType: 'video/mp4' },
  thumbnail: { file: 'thumbnail.webp', contentType: 'image/webp' },
  /** The thumbnail at tile size (media/still.ts), made by the studio when the take is archived. */
  still: { file: 'still.webp', contentType: 'image/webp' },
  spritesheet: { file: 'spritesheet.jpg', contentType: 'image/jpeg' },
  reference: { file: 'reference.png', contentType: 'image/png' },
  'reference-original': { file: 'reference-original', contentType: 'application/octet-stream' },
  'last-frame': { file: 'last-frame.png', contentType: 'image/png' },
  'last-frame-original': { file: 'last-frame-original', contentType: 'application/octet-stream' },
  sidecar: { file: 'job.json', contentType: 'application/json' },
  'reel-sidecar': { file: 'reel.json', contentType: 'application/json' },
  'reel-export': { file: 'reel.mp4', contentType: 'video/mp4' },
} as const
export type AssetName = keyof typeof ASSETS
export const ASSET_NAMES = Object.keys(ASSETS) as AssetName[]

/**
 * Who owns a folder (or key prefix) of the vault: a job, or a reel (its sidecar and exported
 * film). Paths and keys are built from these validated ids only.
 */
export const ownerIdSchema = z.union([jobIdSchema, reelIdSchema])

export class IncompleteDownloadError extends Error {
  override readonly name = 'IncompleteDownloadError'
}

/** What a stored file looks like from outside: enough for Range, ETag and Last-Modified. */
export interface StoredMedia {
  size: number
  /** A quoted HTTP entity tag that changes whenever the file does. */
  etag: string
  lastModified: Date
}

/** A stored file opened for reading: its bytes (or some of them) and what the file is. */
export interface OpenedMedia {
  body: Readable
  /** The whole file's facts, read with the bytes (a bucket's GET reply carries them). */
  file: StoredMedia
}

/**
 * Where a job's files live: a folder on this machine (FolderVault, the default) or an
 * S3-compatible bucket (S3Vault). Callers see only this seam, never a path or a key.
 * Every write lands whole or not at all; a failed write leaves the previous copy in place.
 */
export interface Vault {
  /** Streams a download in, checking it against `expectedBytes`; answers the bytes stored. */
  writeStream(jobId: string, asset: AssetName, body: Readable, expectedBytes: number | null): Promise<number>
  writeFile(jobId: string, asset: AssetName, data: Buffer | string): Promise<void>
  copy(fromJob: string, toJob: string, asset: AssetName): Promise<void>
  /** A whole small file (a reference image, a sidecar). */
  read(jobId: string, asset: AssetName): Promise<Buffer>
  has(jobId: string, asset: AssetName): Promise<boolean>
  /** null when the file is not there. */
  stat(jobId: string, asset: AssetName): Promise<StoredMedia | null>
  /** The file's bytes, or the inclusive `range` of them (to or cut at the file's end), as a stream. */
  openRead(jobId: string, asset: AssetName, range?: ReadRange): Promise<OpenedMedia>
  /** Something ffmpeg's `-i` can seek in: a file path, or a short-lived presigned URL. */
  ffmpegInput(jobId: string, asset: AssetName): Promise<string>
  /** Removes some of a job's files, e.g. a take saved after it was cancelled. */
  removeAssets(jobId: string, assets: readonly AssetName[]): Promise<void>
  remove(jobId: string): Promise<void>
  /** Every stored file as `<jobId>/<file name>`, sorted; temp leftovers are not files. */
  keys(): Promise<string[]>

  /** A fresh local scratch path (an upload on its way in, a frame ffmpeg writes). */
  tempPath(label: string): string
  /** Streams a client's upload to a local temp file and returns its path; nothing stays on failure. */
  receive(body: Readable, label: string): Promise<string>
  /** Stores a finished temp file (e.g. an upload) as a job's asset; the temp file is gone after. */
  adopt(tempFile: string, jobId: string, asset: AssetName): Promise<void>
  removeTemp(tempFile: string): Promise<void>
  /** Clears leftovers of writes a crash interrupted. */
  sweepTemp(): Promise<void>

  /** Whether the storage answers at all (for /api/health). */
  reachable(): Promise<boolean>
}
