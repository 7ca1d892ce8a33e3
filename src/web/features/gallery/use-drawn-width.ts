import { useLayoutEffect, useState, type RefObject } from 'react'

/**
 * The width an element is drawn at, in CSS px, as a ResizeObserver reports it after layout (0 until
 * then, or where there is none). Unlike measuring in a layout effect it never forces a layout of
 * its own: a screenful of tiles mounting while the gallery scrolls costs no extra layout pass.
 */
export function useDrawnWidth(ref: RefObject<Element | null>, wanted: boolean): number {
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    const element = ref.current
    if (!wanted || !element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0))
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref, wanted])
  return width
}
