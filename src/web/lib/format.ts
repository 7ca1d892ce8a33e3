import { sizeDimensions } from '../../contract/size-dimensions'

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
})

/** A price the provider has not published reads "unknown", never a made-up number. */
export function formatUsd(amount: number | null): string {
  return amount === null ? 'unknown' : usd.format(amount)
}

/** "1280 × 720"; an orientation hint such as `16x9` reads "16:9". */
export function formatSize(size: string): string {
  const { width, height } = sizeDimensions(size)
  return width < 64 && height < 64 ? `${width}:${height}` : `${width} × ${height}`
}

export function orientationOf(size: string): 'landscape' | 'portrait' | 'square' {
  const { width, height } = sizeDimensions(size)
  return width > height ? 'landscape' : width < height ? 'portrait' : 'square'
}

export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return mb >= 1
    ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)}\u00a0MB`
    : `${Math.round(bytes / 1024)}\u00a0KB`
}

/** "image/webp" → "WebP"; the names people use for the formats an upload accepts. */
export function formatImageType(mime: string): string {
  const names: Record<string, string> = {
    'image/png': 'PNG',
    'image/jpeg': 'JPEG',
    'image/webp': 'WebP',
  }
  return names[mime] ?? mime.replace(/^image\//, '').toUpperCase()
}

/** ["PNG", "JPEG", "WebP"] → "PNG, JPEG or WebP" */
export function listWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
}
