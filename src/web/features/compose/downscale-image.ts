import type { Downscale } from './downscale-plan'

/**
 * Re-encodes the picture at the planned size in the browser. Null when the browser cannot
 * decode or encode it (no createImageBitmap, a codec it lacks): the caller sends the original,
 * which the server fits as before.
 */
export async function downscaleImage(file: File, plan: Downscale): Promise<File | null> {
  try {
    const { width, height } = plan.to
    const bitmap = await createImageBitmap(file, {
      resizeWidth: width,
      resizeHeight: height,
      resizeQuality: 'high',
    })
    const canvas = new OffscreenCanvas(width, height)
    const context = canvas.getContext('2d')
    if (!context) return null
    context.drawImage(bitmap, 0, 0)
    bitmap.close()
    // PNG and WebP keep their type (and transparency); JPEG stays a high-quality JPEG.
    const type = file.type === 'image/png' || file.type === 'image/webp' ? file.type : 'image/jpeg'
    const blob = await canvas.convertToBlob({ type, quality: 0.92 })
    if (blob.size >= file.size) return null
    return new File([blob], file.name, { type, lastModified: file.lastModified })
  } catch {
    return null
  }
}

