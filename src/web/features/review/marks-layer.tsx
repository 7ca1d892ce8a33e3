import { useRef } from 'react'
import type { Mark } from '../../../contract/review'
import { cn } from '../../components/ui/cn'
import { frameRect, type ObjectFit, type Size } from './frame-geometry'
import { MarkShape, markLabel } from './mark-shape'
import { useElementSize } from './use-element-size'

export interface MarksLayerProps {
  marks: readonly Mark[]
  /** The picture's own size (the video's videoWidth × videoHeight, or the take's size). */
  frame: Size
  /** The video's object-fit; the layer must cover exactly the video element's box. */
  fit?: ObjectFit
  className?: string
}

/**
 * Marks drawn over a video: place it over the <video> (same box, e.g. `absolute inset-0` in the
 * same positioned parent) and give it the marks to show now (`marksAt`). It finds the picture
 * inside the box (letterbox or pillarbox), so a mark stays on the same spot of the frame at any
 * player size. It never takes the pointer: clicks reach the video under it.
 */
export function MarksLayer({ marks, frame, fit = 'contain', className }: MarksLayerProps) {
  const ref = useRef<SVGSVGElement>(null)
  const box = useElementSize(ref)
  const rect = frameRect(box, frame, fit)
  const shown = rect.width > 0 && rect.height > 0 && marks.length > 0
  return (
    <svg
      ref={ref}
      className={cn('pointer-events-none absolute inset-0 size-full', className)}
      role={shown ? 'img' : undefined}
      aria-label={shown ? `Marks: ${marks.map(markLabel).join(', ')}` : undefined}
      aria-hidden={shown ? undefined : true}
    >
      {shown && (
        // A nested viewport on the picture: shapes are placed in its pixels and clipped to it.
        <svg x={rect.x} y={rect.y} width={rect.width} height={rect.height}>
          {marks.map((mark, i) => (
            <MarkShape key={i} mark={mark} frame={rect} />
          ))}
        </svg>
      )}
    </svg>
  )
}
