import { useLayoutEffect, useState, type RefObject } from 'react'

export interface BoxSize {
  width: number
  height: number
}

/**
 * An element's content box, in CSS px: read once before the first paint, then kept up to date by
 * one ResizeObserver. 0 × 0 until then.
 */
export function useBoxSize(ref: RefObject<HTMLElement | null>): BoxSize {
  const [size, setSize] = useState<BoxSize>({ width: 0, height: 0 })
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const set = (width: number, height: number) =>
      setSize((now) => (now.width === width && now.height === height ? now : { width, height }))
    set(element.clientWidth, element.clientHeight)
    const observer = new ResizeObserver(([entry]) => {
      if (entry) set(entry.contentRect.width, entry.contentRect.height)
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return size
}
