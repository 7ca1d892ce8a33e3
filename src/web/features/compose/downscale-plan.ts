/** Re-encode in the browser only when the image is well past what any frame of the model needs. */
const EXTRA_PIXELS = 2
const HEAVY_BYTES = 4 * 1024 * 1024

export interface Frame {
  width: number
  height: number
}

export interface Downscale {
  from: { width: number; height: number }
  to: { width: number; height: number }
}

/**
 * The smaller picture to send instead of an oversized reference, or null to send it as is.
 * It keeps the resolution the server's cover fit needs at the model's largest frame (either
 * orientation), so the server crops the same pixels it would have scaled down itself; contain
 * needs less than cover, so it is unchanged too.
 */
export function planDownscale(
  image: { width: number; height: number; bytes: number },
  frames: readonly Frame[],
): Downscale | null {
  const { width, height, bytes } = image
  const scale = Math.max(
    ...frames.map((frame) => Math.max(frame.width / width, frame.height / height)),
  )
  if (!(scale < 1)) return null
  const needed = width * height * scale * scale
  if (width * height <= needed * EXTRA_PIXELS && bytes <= HEAVY_BYTES) return null
  return {
    from: { width, height },
    to: { width: Math.ceil(width * scale), height: Math.ceil(height * scale) },
  }
}
