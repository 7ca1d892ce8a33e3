import { act } from '@testing-library/react'
import { vi } from 'vitest'

/**
 * jsdom lays nothing out: this gives every element the box of a player of the size set here,
 * and a ResizeObserver that reports when `resize` changes it, as a browser would.
 */
export function fakePlayerBox(width: number, height: number) {
  let box = { width, height }
  const observers = new Set<() => void>()
  vi.stubGlobal(
    'ResizeObserver',
    class {
      private readonly notify: () => void
      constructor(callback: () => void) {
        this.notify = callback
      }
      observe() {
        observers.add(this.notify)
      }
      unobserve() {}
      disconnect() {
        observers.delete(this.notify)
      }
    },
  )
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(() =>
    DOMRect.fromRect({ x: 0, y: 0, ...box }),
  )
  return {
    resize(nextWidth: number, nextHeight: number) {
      box = { width: nextWidth, height: nextHeight }
      act(() => observers.forEach((notify) => notify()))
    },
  }
}
