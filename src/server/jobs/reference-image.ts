import { createHash } from 'node:crypto'
import fsp from 'node:fs/promises'
import sharp from 'sharp'
import { Limiter } from '../../lib/limiter'
import type { Fit } from '../../contract/api'
import { UPLOAD_LIMITS } from '../../contract/capabilities'
import { ApiError } from '../../contract/errors'

export type ImageType = 'png' | 'jpeg' | 'webp'

/** Recognises an image by its first bytes, whatever name or type the client claimed. */
export function sniffImageType(head: Buffer): ImageType | null {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg'
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp'
  return null
}

/** A file on this machine, or a loader run only when the fit's turn comes (so waiting fits hold no bytes). */
export type ImageSource = string | (() => Promise<Buffer>)

async function readHead(file: string): Promise<Buffer> {
  const handle = await fsp.open(file, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(16), 0, 16, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

export interface FittedReference {
  type: ImageType
  png: Buffer
  width: number
  height: number
  hash: string
}

/**
 * Each sharp call holds one of libuv's four pool threads until it is done, and so does every
 * file write: ten uploads fitted at once took all four and left the other uploads' bodies
 * waiting to reach the disk (docs/benchmarks.md, uploads). Two at a time keep both cores busy.
 */
const fitting = new Limiter(2)

/**
 * What the header alone tells: a PNG, JPEG or WebP within the pixel limit (415 or 413 otherwise).
 * Cheap (no pixel is decoded), so a bad file is refused before the job exists.
 */
export async function checkReference(input: string | Buffer, field = 'input_reference'): Promise<ImageType> {
  const type = sniffImageType(typeof input === 'string' ? await readHead(input) : input.subarray(0, 16))
  if (!type) {
    throw new ApiError('unsupported_media_type', 'The reference must be a PNG, JPEG or WebP image', field)
  }
  const meta = await sharp(input, { limitInputPixels: false }).metadata().catch(() => null)
  if (!meta?.width || !meta.height) {
    throw new ApiError('unsupported_media_type', `The ${type.toUpperCase()} image could not be read`, field)
  }
  const limit = UPLOAD_LIMITS.maxPixels
  if (meta.width * meta.height > limit) {
    const megapixels = ((meta.width * meta.height) / 1e6).toFixed(0)
    throw new ApiError(
      'payload_too_large',
      `The reference is ${meta.width}x${meta.height} (${megapixels} MP); the limit is ${limit / 1e6} MP`,
      field,
    )
  }
  return type
}

/**
 * Checks the image (as checkReference) and fits it to the exact size the provider demands
 * (cover crops, contain letterboxes on black). A file that breaks off after a sound header is
 * refused here, with 415.
 */
export function fitReference(
  source: ImageSource,
  size: { width: number; height: number },
  fit: Fit,
  /** The request field the image came in, named in refusals. */
  field = 'input_reference',
): Promise<FittedReference> {
  return fitting.run(async () => fitNow(typeof source === 'string' ? source : await source(), size, fit, field))
}

async function fitNow(
  input: string | Buffer,
  { width, height }: { width: number; height: number },
  fit: Fit,
  field: string,
): Promise<FittedReference> {
  const type = await checkReference(input, field)
  const png = await sharp(input, { limitInputPixels: UPLOAD_LIMITS.maxPixels })
    .rotate()
    .resize(width, height, { fit, background: { r: 0, g: 0, b: 0, alpha: 1 } })
    .flatten({ background: '#000000' })
    .png({ compressionLevel: 1 })
    .toBuffer()
    .catch(() => {
      throw new ApiError('unsupported_media_type', `The ${type.toUpperCase()} image could not be decoded`, field)
    })
  return { type, png, width, height, hash: createHash('sha256').update(png).digest('hex') }
}
