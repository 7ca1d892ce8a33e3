import { useLayoutEffect, useState, type RefObject } from 'react'

export interface VisibleRowsOptions {
  /** Rows in the grid. */
  count: number
  /** Every row's height: the grid's rows are all alike, so no row is ever measured. */
  rowHeight: number
  /** Rows drawn beyond the view on each side. */
  overscan: number
  /** The grid's own scroll box (a desktop), or the element the page scrolls past (a phone). */
  grid: RefObject<HTMLElement | null>
  /** The grid's height as laid out (the caller observes its box): a desktop's view of the rows. */
  gridHeight: number
  /** True when the page scrolls and the grid is part of it, rather than a scroll box of its own. */
  pageScrolls: boolean
  /** The grid's distance from the top of the page, when the page scrolls. */
  gridTop: number
}

export interface VisibleRows {
  /** The first and last row to draw, or null when none is (an empty grid). */
  range: { first: number; last: number } | null
  /** Scrolls just enough for the row to be wholly in view (nothing when it already is). */
  scrollToRow: (index: number) => void
}

/** The part of the grid in view: its top and its height, in the grid's own coordinates. */
function viewOf(grid: HTMLElement, gridHeight: number, pageScrolls: boolean, gridTop: number) {
  return pageScrolls
    ? { top: window.scrollY - gridTop, height: window.innerHeight }
    : { top: grid.scrollTop, height: gridHeight }
}

/**
 * Which rows of a grid of equal rows are in view, kept up to date as it scrolls and resizes.
 * A scroll sets state only when a row comes into or leaves the range, so scrolling within a row
 * renders nothing. (A general virtualiser, which measures rows of any height, cost the first
 * screen 10 kB of script for a grid whose rows are all one height.)
 */
export function useVisibleRows({
  count,
  rowHeight,
  overscan,
  grid,
  gridHeight,
  pageScrolls,
  gridTop,
}: VisibleRowsOptions): VisibleRows {
  const [range, setRange] = useState<VisibleRows['range']>(null)

  useLayoutEffect(() => {
    const element = grid.current
    if (!element) return
    const update = () => {
      if (count === 0 || rowHeight <= 0) return setRange(null)
      const view = viewOf(element, gridHeight, pageScrolls, gridTop)
      const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan)
      const last = Math.min(
        count - 1,
        Math.ceil((view.top + view.height) / rowHeight) - 1 + overscan,
      )
      setRange((now) =>
        last < first ? null : now?.first === first && now.last === last ? now : { first, last },
      )
    }
    update()
    const scroller = pageScrolls ? window : element
    scroller.addEventListener('scroll', update, { passive: true })
    // A phone's view is the window; a desktop's grid resizing comes in as a new gridHeight.
    window.addEventListener('resize', update)
    return () => {
      scroller.removeEventListener('scroll', update)
      window.removeEventListener('resize', update)
    }
  }, [grid, gridHeight, count, rowHeight, overscan, pageScrolls, gridTop])

  const scrollToRow = (index: number) => {
    const element = grid.current
    if (!element) return
    const view = viewOf(element, gridHeight, pageScrolls, gridTop)
    const top = index * rowHeight
    const bottom = top + rowHeight
    const to = top < view.top ? top : bottom > view.top + view.height ? bottom - view.height : null
    if (to === null) return
    if (pageScrolls) window.scrollTo({ top: gridTop + to })
    else element.scrollTo({ top: to })
  }

  return { range, scrollToRow }
}
