import type { Capabilities } from '../../../contract/capabilities'
import { formatBytes, formatImageType, listWithOr } from '../../lib/format'

export type UploadLimits = Capabilities['upload']

const BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
}

/** The file's type, from the name when the browser gives none (some drags from other apps). */
export function typeOf(file: File): string {
  if (file.type) return file.type
  const extension = file.name.split('.').pop()?.toLowerCase() ?? ''
  return BY_EXTENSION[extension] ?? ''
}

/** What is wrong with a chosen file before a byte is sent, in words; null when it can go. */
export function checkReferenceFile(file: File, limits: UploadLimits): string | null {
  const accepted = listWithOr(limits.types.map(formatImageType))
  if (!limits.types.includes(typeOf(file))) {
    return `“${file.name}” is not a ${accepted} image. Choose one of those.`
  }
  if (file.size > limits.maxBytes) {
    return `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(limits.maxBytes)}. Export it smaller or as JPEG.`
  }
  return null
}

/** The pixel limit, checked once the browser has decoded the image for the preview. */
export function checkReferencePixels(
  name: string,
  width: number,
  height: number,
  limits: UploadLimits,
): string | null {
  if (width * height <= limits.maxPixels) return null
  const megapixels = (n: number) => `${Math.round(n / 1e6)} MP`
  return `“${name}” is ${width} × ${height} (${megapixels(width * height)}); the limit is ${megapixels(limits.maxPixels)}. Scale it down first.`
}

export function unreadableMessage(name: string): string {
  return `“${name}” could not be read as an image. Try another file.`
}
