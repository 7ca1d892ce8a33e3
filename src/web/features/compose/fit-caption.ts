import type { Fit } from '../../../contract/api'
import { sizeDimensions } from '../../../contract/size-dimensions'

/** What `fit` will do to this image in this frame, in words a person checks against the preview. */
export function fitCaption(
  fit: Fit,
  size: string,
  image: { width: number | null; height: number | null },
): string {
  const frame = sizeDimensions(size)
  if (!image.width || !image.height) {
    return fit === 'cover'
      ? 'Cover: fills the frame, edges cropped'
      : 'Contain: whole image, black bars'
  }
  const imageRatio = image.width / image.height
  const frameRatio = frame.width / frame.height
  if (Math.abs(imageRatio / frameRatio - 1) < 0.01)
    return 'Same shape as the frame: nothing cropped'
  const wider = imageRatio > frameRatio
  if (fit === 'cover') {
    const kept = Math.min(imageRatio / frameRatio, frameRatio / imageRatio)
    const edges = wider ? 'left and right' : 'top and bottom'
    return `Cover: crops the ${edges} (${Math.round((1 - kept) * 100)}% of the image)`
  }
  return `Contain: black bars ${wider ? 'top and bottom' : 'left and right'}`
}
