import {
  FREEHAND_POINTS_MAX,
  type Mark,
  type MarkColour,
  type MarkKind,
} from '../../../contract/review'
import type { Point } from './frame-geometry'

/** Smaller than this (a fraction of the frame), a drag is a slip of the hand, not a shape. */
const MIN_EXTENT = 0.004

const round = (n: number) => Math.round(n * 1e4) / 1e4
const pair = ([u, v]: Point): [number, number] => [round(u), round(v)]

/**
 * The mark a pointer drew, in frame coordinates (0–1): `path` is every point it passed, the
 * first where it went down. Null when it is too small to mean anything.
 */
export function drawnMark(kind: MarkKind, colour: MarkColour, path: readonly Point[]): Mark | null {
  const first = path[0]
  const last = path[path.length - 1]
  if (!first || !last) return null
  const w = Math.abs(last[0] - first[0])
  const h = Math.abs(last[1] - first[1])
  const x = Math.min(first[0], last[0])
  const y = Math.min(first[1], last[1])
  switch (kind) {
    case 'rect':
      return w < MIN_EXTENT || h < MIN_EXTENT
        ? null
        : { kind, colour, x: round(x), y: round(y), w: round(w), h: round(h) }
    case 'ellipse':
      return w < MIN_EXTENT || h < MIN_EXTENT
        ? null
        : {
            kind,
            colour,
            cx: round(x + w / 2),
            cy: round(y + h / 2),
            rx: round(w / 2),
            ry: round(h / 2),
          }
    case 'arrow':
      return Math.hypot(w, h) < MIN_EXTENT * 4
        ? null
        : { kind, colour, from: pair(first), to: pair(last) }
    case 'freehand': {
      const points = thinned(path)
      return points.length < 2 ? null : { kind, colour, points }
    }
  }
}

/** A stroke kept under the contract's point limit: close points dropped, then every nth kept. */
function thinned(path: readonly Point[]): [number, number][] {
  const kept: Point[] = []
  for (const point of path) {
    const previous = kept[kept.length - 1]
    if (!previous || Math.hypot(point[0] - previous[0], point[1] - previous[1]) >= MIN_EXTENT / 2)
      kept.push(point)
  }
  const step = Math.ceil(kept.length / FREEHAND_POINTS_MAX)
  const sampled = kept.filter((_, i) => i % step === 0 || i === kept.length - 1)
  return sampled.slice(-FREEHAND_POINTS_MAX).map(pair)
}
