import type { Mark } from '../../../contract/review'
import type { Size } from './frame-geometry'
import { MARK_SHADES } from './mark-colours'

/** A stroke that reads at any player size: thin on a small player, bolder on a large one. */
export function strokeWidth(frame: Size): number {
  return Math.max(2, Math.min(frame.width, frame.height) * 0.005)
}

/** The path of a mark in the pixels of a frame of `size` (its top-left corner at 0, 0). */
export function markPath(mark: Mark, { width: w, height: h }: Size, stroke: number): string {
  const at = ([u, v]: readonly [number, number]) => `${u * w} ${v * h}`
  switch (mark.kind) {
    case 'freehand':
      return mark.points.map((point, i) => `${i ? 'L' : 'M'}${at(point)}`).join(' ')
    case 'rect':
      return `M${at([mark.x, mark.y])} H${(mark.x + mark.w) * w} V${(mark.y + mark.h) * h} H${mark.x * w} Z`
    case 'ellipse': {
      const [cx, cy, rx, ry] = [mark.cx * w, mark.cy * h, mark.rx * w, mark.ry * h]
      return `M${cx - rx} ${cy} A${rx} ${ry} 0 1 0 ${cx + rx} ${cy} A${rx} ${ry} 0 1 0 ${cx - rx} ${cy} Z`
    }
    case 'arrow': {
      const [x1, y1] = [mark.from[0] * w, mark.from[1] * h]
      const [x2, y2] = [mark.to[0] * w, mark.to[1] * h]
      const angle = Math.atan2(y2 - y1, x2 - x1)
      const head = stroke * 4.5
      const wing = (side: number) =>
        `${x2 - head * Math.cos(angle + side * 0.5)} ${y2 - head * Math.sin(angle + side * 0.5)}`
      return `M${x1} ${y1} L${x2} ${y2} M${wing(1)} L${x2} ${y2} L${wing(-1)}`
    }
  }
}

const LABELS: Record<Mark['kind'], string> = {
  freehand: 'stroke',
  arrow: 'arrow',
  rect: 'rectangle',
  ellipse: 'ellipse',
}

export const markLabel = (mark: Mark) => `${mark.colour} ${LABELS[mark.kind]}`

/** One mark: its colour over a thin dark edge, so it reads on a bright sky and on shadow alike. */
export function MarkShape({ mark, frame }: { mark: Mark; frame: Size }) {
  const stroke = strokeWidth(frame)
  const d = markPath(mark, frame, stroke)
  const common = { d, fill: 'none', strokeLinecap: 'round', strokeLinejoin: 'round' } as const
  return (
    <g data-mark={mark.kind}>
      <path {...common} stroke="rgb(0 0 0 / 0.55)" strokeWidth={stroke + 2} />
      <path {...common} stroke={MARK_SHADES[mark.colour]} strokeWidth={stroke} />
    </g>
  )
}
