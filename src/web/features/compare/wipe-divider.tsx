import type { KeyboardEvent, PointerEvent } from 'react'

/** Arrow keys move the divider this many percent; with Shift (or Page Up/Down) ten times as far. */
const STEP = 1
const BIG_STEP = 10

const KEY_STEPS: Record<string, number> = {
  ArrowLeft: -STEP,
  ArrowDown: -STEP,
  ArrowRight: STEP,
  ArrowUp: STEP,
  PageDown: -BIG_STEP,
  PageUp: BIG_STEP,
}

export const clampPercent = (value: number) => Math.max(0, Math.min(100, value))

interface WipeDividerProps {
  /** Where the divider stands, in percent of the frame's width from its left edge. */
  value: number
  onChange: (value: number) => void
}

/**
 * The wipe: take 1 left of the divider, take 2 right of it. Dragging anywhere on the frame moves
 * it; focused, the arrow keys do (Home and End stay the transport's first and last frame).
 */
export function WipeDivider({ value, onChange }: WipeDividerProps) {
  const follow = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    if (box.width > 0) onChange(clampPercent(((event.clientX - box.left) / box.width) * 100))
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = KEY_STEPS[event.key]
    if (step === undefined || event.altKey || event.ctrlKey || event.metaKey) return
    event.preventDefault()
    onChange(clampPercent(value + (event.shiftKey ? step * BIG_STEP : step)))
  }
  const rounded = Math.round(value)
  return (
    <div
      className="absolute inset-0 z-10 cursor-ew-resize touch-none"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId)
        follow(event)
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) follow(event)
      }}
    >
      <div
        className="pointer-events-none absolute inset-y-0 w-px -translate-x-1/2 bg-white/80 shadow-[0_0_0_1px_rgb(0_0_0/0.4)]"
        style={{ left: `${value}%` }}
      />
      <div
        role="slider"
        tabIndex={0}
        aria-label="Wipe position"
        aria-orientation="horizontal"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={rounded}
        aria-valuetext={`${rounded}%: take 1 on the left, take 2 on the right`}
        onKeyDown={onKeyDown}
        className="absolute top-1/2 flex h-10 w-5 -translate-1/2 items-center justify-center rounded-full border border-white/80 bg-black/60 text-[10px] text-white outline-none focus-visible:ring-2 focus-visible:ring-accent"
        style={{ left: `${value}%` }}
      >
        <span aria-hidden="true">⇔</span>
      </div>
    </div>
  )
}
