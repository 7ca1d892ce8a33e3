import { useRef, useState, type PointerEvent } from 'react'
import { frameRect, toFrame, type Point, type Size } from './frame-geometry'
import { drawnMark } from './drawn-mark'
import { MarkShape } from './mark-shape'
import type { NoteDrafting } from './use-note-draft'
import { useElementSize } from './use-element-size'

/**
 * The surface marks are drawn on, over a paused video (object-fit: contain): it shows the draft's
 * marks and the one under the pointer, and adds each finished one to the draft. The pointer is
 * read in the frame's coordinates, so the bars around a letterboxed picture are not part of it.
 */
export function DrawLayer({ drafting, frame }: { drafting: NoteDrafting; frame: Size }) {
  const ref = useRef<SVGSVGElement>(null)
  const box = useElementSize(ref)
  const rect = frameRect(box, frame)
  const [path, setPath] = useState<Point[] | null>(null)
  const { draft, tool, colour } = drafting
  if (!draft) return null

  const pointAt = (event: PointerEvent<SVGSVGElement>): Point => {
    const bounds = event.currentTarget.getBoundingClientRect()
    return toFrame([event.clientX - bounds.left, event.clientY - bounds.top], rect)
  }
  const inProgress = path && drawnMark(tool, colour, path)
  const marks = inProgress ? [...draft.marks, inProgress] : draft.marks

  return (
    <svg
      ref={ref}
      aria-label={`Drawing surface: drag to draw a ${tool === 'rect' ? 'rectangle' : tool}`}
      role="application"
      className="absolute inset-0 size-full cursor-crosshair touch-none"
      // The text box keeps the focus while drawing, so the note can be typed straight after.
      onMouseDown={(event) => event.preventDefault()}
      onPointerDown={(event) => {
        if (event.button !== 0) return
        event.preventDefault()
        // Strokes that leave the picture keep drawing, held on its edge.
        event.currentTarget.setPointerCapture?.(event.pointerId)
        setPath([pointAt(event)])
      }}
      onPointerMove={(event) => {
        if (!path) return
        const point = pointAt(event)
        setPath(tool === 'freehand' ? [...path, point] : [path[0] ?? point, point])
      }}
      onPointerUp={() => {
        if (inProgress) drafting.addMark(inProgress)
        setPath(null)
      }}
      onPointerCancel={() => setPath(null)}
    >
      <svg x={rect.x} y={rect.y} width={rect.width} height={rect.height}>
        {marks.map((mark, i) => (
          <MarkShape key={i} mark={mark} frame={rect} />
        ))}
      </svg>
    </svg>
  )
}
