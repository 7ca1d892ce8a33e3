import { sizeDimensions, type Size } from '../../contract/capabilities'

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
})

export function formatUsd(amount: number): string {
  return usd.format(amount)
}

/** "1280 × 720" */
export function formatSize(size: Size): string {
  const { width, height } = sizeDimensions(size)
  return `${width} × ${height}`
}

export function orientationOf(size: Size): 'landscape' | 'portrait' | 'square' {
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
