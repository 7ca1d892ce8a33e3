/**
 * Where the picture is inside its <video> element. Marks are stored in coordinates of the frame
 * (0–1 across the picture itself), not of the element: a 16:9 take in a tall player is
 * letterboxed, and the bars are not part of the frame.
 */

export interface Size {
  width: number
  height: number
}

/** A rectangle in the element's pixels, from its top-left corner. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export type ObjectFit = 'contain' | 'cover' | 'fill'

/**
 * The rectangle the frame occupies in an element of `box` size with `object-fit: fit`, centred
 * (`object-position: 50% 50%`, the default). With `cover` it is larger than the box and the
 * overflow is cropped; marks there fall outside and the SVG clips them.
 */
export function frameRect(box: Size, frame: Size, fit: ObjectFit = 'contain'): Rect {
  if (fit === 'fill' || frame.width <= 0 || frame.height <= 0) {
    return { x: 0, y: 0, width: box.width, height: box.height }
  }
  const scaleX = box.width / frame.width
  const scaleY = box.height / frame.height
  const scale = fit === 'contain' ? Math.min(scaleX, scaleY) : Math.max(scaleX, scaleY)
  const width = frame.width * scale
  const height = frame.height * scale
  return { x: (box.width - width) / 2, y: (box.height - height) / 2, width, height }
}

export type Point = readonly [number, number]

const clamp01 = (n: number) => Math.min(1, Math.max(0, n))

/** An element pixel (e.g. a pointer relative to the element) → the frame's 0–1, kept on the frame. */
export function toFrame([x, y]: Point, rect: Rect): [number, number] {
  return [clamp01((x - rect.x) / rect.width), clamp01((y - rect.y) / rect.height)]
}

/** A frame point (0–1) → the element pixel it is drawn at. */
export function toElement([u, v]: Point, rect: Rect): [number, number] {
  return [rect.x + u * rect.width, rect.y + v * rect.height]
}
