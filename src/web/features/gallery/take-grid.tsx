import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
  type RefObject,
} from 'react'
import type { Job } from '../../../contract/job'
import { usePageScrolls } from '../../lib/use-page-scrolls'
import { whenIdle } from '../../lib/when-idle'
import { FirstScreenContext, type FirstScreen } from './first-screen'
import { layoutGrid, neighbour } from './grid-layout'
import { GridRowView } from './grid-row-view'
import { GROUP_HEADER_PX } from './group-cluster'
import { TILE_BORDER_PX } from './take-tile'
import { TileWidthContext } from './tile-width'
import { useBoxSize } from './use-box-size'
import { useVisibleRows } from './use-visible-rows'

const MIN_TILE_PX = 208
const GAP_PX = 12
const PAD_PX = 20
const CAPTION_PX = 34
/** Room below the last row. */
const END_PAD_PX = 16
/** Rows left below the fold when the next page is asked for. */
const PREFETCH_ROWS = 4

export interface TakeGridHandle {
  /** Scrolls the take into view and focuses it (after the viewer closes, or an arrow key). */
  focusTake: (id: string) => void
}

export interface TakeGridProps {
  jobs: Job[]
  selected: ReadonlySet<string>
  onToggleSelected: (id: string) => void
  onOpen: (id: string) => void
  onCompare: (ids: string[]) => void
  /** Delete (or Backspace) on a focused tile: the take goes at once; Undo brings it back. */
  onDelete: (job: Job) => void
  hasMore: boolean
  loadingMore: boolean
  loadMore: () => void
  ref?: Ref<TakeGridHandle>
}

/** The takes as a windowed grid: only the rows in view exist, so thousands scroll smoothly. */
export function TakeGrid({
  jobs,
  hasMore,
  loadingMore,
  loadMore,
  onDelete,
  ref,
  ...tile
}: TakeGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // Measured before the first paint, so the tiles are never drawn at no size and then moved; until
  // then no rows are drawn at all (at no width every row is a sliver, and a screenful of them was
  // drawn for nothing before each first frame).
  const box = useBoxSize(scrollRef)
  const width = box.width

  const inner = Math.max(0, width - 2 * PAD_PX)
  const columns = Math.max(1, Math.floor((inner + GAP_PX) / (MIN_TILE_PX + GAP_PX)))
  const tileWidth = (inner - GAP_PX * (columns - 1)) / columns
  const rowHeight = Math.round(GROUP_HEADER_PX + (tileWidth * 9) / 16 + 2 * TILE_BORDER_PX + CAPTION_PX)
  const layout = useMemo(() => layoutGrid(jobs, columns), [jobs, columns])
  const order = useMemo(() => jobs.map((job) => job.id), [jobs])

  // On a phone the page scrolls and the grid is part of it (no scroll box within the page); on a
  // desktop the grid is its own scroll box beside the composer. The rows in view follow either.
  const pageScrolls = usePageScrolls()
  const gridTop = useGridTop(scrollRef, pageScrolls)
  const { range, scrollToRow } = useVisibleRows({
    count: width > 0 ? layout.rows.length : 0,
    rowHeight,
    overscan: useOverscan(),
    grid: scrollRef,
    gridHeight: box.height,
    pageScrolls,
    gridTop,
  })
  const shown = range
    ? Array.from({ length: range.last - range.first + 1 }, (_, k) => range.first + k)
    : []

  const lastIndex = range?.last ?? -1
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= layout.rows.length - PREFETCH_ROWS) loadMore()
  }, [hasMore, loadingMore, lastIndex, layout.rows.length, loadMore])

  const focusTake = (id: string, attempts = 8) => {
    const at = layout.positions.get(id)
    if (!at) return
    scrollToRow(at.row)
    requestAnimationFrame(() => {
      const button = scrollRef.current?.querySelector<HTMLElement>(
        `[data-take-id="${id}"] [data-open-take]`,
      )
      if (button) button.focus()
      else if (attempts > 0) focusTake(id, attempts - 1)
    })
  }
  useImperativeHandle(ref, () => ({ focusTake }))

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const key = event.key
    const focused = (event.target as HTMLElement).closest<HTMLElement>('[data-take-id]')
    if ((key === 'Delete' || key === 'Backspace') && focused?.dataset.takeId) {
      // Culling: the focus moves on to the next take, as the viewer does.
      const id = focused.dataset.takeId
      const job = jobs.find((other) => other.id === id)
      const next = order[order.indexOf(id) + 1] ?? order[order.indexOf(id) - 1]
      if (!job || (event.target as HTMLElement).matches('input')) return
      event.preventDefault()
      onDelete(job)
      if (next) focusTake(next)
      return
    }
    if (key !== 'ArrowLeft' && key !== 'ArrowRight' && key !== 'ArrowUp' && key !== 'ArrowDown')
      return
    const id = (event.target as HTMLElement).closest<HTMLElement>('[data-take-id]')?.dataset.takeId
    const next = id && neighbour(layout, order, id, key)
    if (!next) return
    event.preventDefault()
    focusTake(next)
  }

  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label="Takes grid"
      onKeyDown={onKeyDown}
      className="lg:min-h-0 lg:flex-[1_1_0px] lg:overflow-y-auto lg:overscroll-contain"
    >
      <div
        className="relative isolate w-full"
        style={{ height: width > 0 ? layout.rows.length * rowHeight + END_PAD_PX : 0 }}
      >
        <TileWidthContext value={tileWidth - 2 * TILE_BORDER_PX}>
          {shown.map((index) => (
            <FirstScreenContext key={index} value={firstScreen(index, index * rowHeight)}>
              <GridRowView
                row={layout.rows[index]}
                columns={columns}
                top={index * rowHeight}
                height={rowHeight}
                {...tile}
              />
            </FirstScreenContext>
          ))}
        </TileWidthContext>
      </div>
      {loadingMore && <p className="px-5 pb-4 text-xs text-text-subtle">Loading more takes…</p>}
    </div>
  )
}

/**
 * Rows drawn beyond the view on each side: none while the first screen is drawn (on a phone the
 * rows below the fold were a third of the first frame's work), three once the page is idle, so
 * a scroll finds its next rows already there.
 */
function useOverscan(): number {
  const [overscan, setOverscan] = useState(0)
  useEffect(() => whenIdle(() => setOverscan(3), 1000), [])
  return overscan
}

/** Whether a row (by index and offset in the grid) is on screen when the page first opens. */
function firstScreen(index: number, top: number): FirstScreen {
  if (index === 0) return 'first-row'
  return top < window.innerHeight ? 'in-view' : 'below'
}

/**
 * The grid's distance from the top of the page, from which its rows in view are reckoned; it
 * changes as the render queue above it grows and shrinks, so it is measured again whenever the
 * page resizes.
 */
function useGridTop(grid: RefObject<HTMLElement | null>, pageScrolls: boolean): number {
  const [top, setTop] = useState(0)
  useLayoutEffect(() => {
    const element = grid.current
    if (!pageScrolls || !element) return
    const measure = () => setTop(Math.round(element.getBoundingClientRect().top + window.scrollY))
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [grid, pageScrolls])
  return top
}
