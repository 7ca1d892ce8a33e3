import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { FieldMessage } from '../../components/ui/field-message'
import { Skeleton } from '../../components/ui/skeleton'
import { useDeleteJob } from '../../lib/job-mutations'
import { defaultReelName, useMakeReel } from '../../lib/use-make-reel'
import { COMPARE_MAX, useCompareParam, useTakeParam } from '../../lib/url-state'
import { Button } from '../../components/ui/button'
import { GalleryToolbar, NO_FILTERS } from './gallery-toolbar'
import { useGalleryFilters } from './use-gallery-filters'
import { useCompareKey } from './use-compare-key'
import { ReelsButton } from './reels-button'
import { SelectionBar } from './selection-bar'
import { TakeGrid, type TakeGridHandle } from './take-grid'
import { UndoToasts } from './undo-toasts'
import { ExportNotesMenu } from '../review/export-notes-menu'
import { useGalleryTakes } from './use-gallery-takes'

// Loaded when a take is first opened: the first screen does not carry the viewer's code.
const TakeViewer = lazy(() =>
  import('./viewer/take-viewer').then((module) => ({ default: module.TakeViewer })),
)

/** TAKES: the finished takes as a grid, searchable and filterable, with the viewer on top. */
export function Gallery() {
  const [filters, setFilters] = useGalleryFilters()
  const takes = useGalleryTakes(filters)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [takeId, setTakeId] = useTakeParam()
  const [, setCompare] = useCompareParam()
  const grid = useRef<TakeGridHandle>(null)
  const remove = useDeleteJob()

  // When the viewer closes, the focus goes back to the take it showed last.
  const lastOpen = useRef<string | null>(null)
  useEffect(() => {
    if (takeId) lastOpen.current = takeId
    else if (lastOpen.current) {
      grid.current?.focusTake(lastOpen.current)
      lastOpen.current = null
    }
  }, [takeId])

  const toggleSelected = useCallback((id: string) => {
    setSelected((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })
  }, [])
  const compareSelection = () => setCompare([...selected].slice(0, COMPARE_MAX))
  const reel = useMakeReel()
  const reelOfSelection = () => {
    const jobIds = [...selected]
    const first = takes.jobs.find((job) => job.id === jobIds[0])
    reel.make({ name: defaultReelName(first?.prompt), jobIds }, () => setSelected(new Set()))
  }
  useCompareKey(selected.size >= 2 && selected.size <= COMPARE_MAX ? compareSelection : null)

  const { fetchNextPage } = takes
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage])

  return (
    <section
      aria-labelledby="gallery-heading"
      aria-busy={takes.busy}
      className="flex min-h-[70dvh] flex-auto flex-col lg:min-h-0 lg:flex-[1_1_0px]"
    >
      <div className="flex shrink-0 flex-wrap items-center gap-x-4 gap-y-2 px-5 pt-3 pb-1">
        <h2
          id="gallery-heading"
          className="text-xs font-medium tracking-label text-text-muted uppercase"
        >
          Takes
        </h2>
        <ReelsButton />
        <div className="ml-auto flex w-full flex-wrap items-center gap-2 sm:w-auto">
          <GalleryToolbar value={filters} onChange={setFilters} />
          {filters.verdict === 'circled' && (
            <ExportNotesMenu scope={{ verdict: 'circled' }} label="Export circled notes" />
          )}
        </div>
      </div>
      {remove.error && (
        <FieldMessage role="alert" className="px-5 py-2">
          Could not delete the take: {remove.error.message}
        </FieldMessage>
      )}
      {reel.error && (
        <FieldMessage role="alert" className="px-5 py-2">
          Could not make the reel: {reel.error.message}
        </FieldMessage>
      )}
      {takes.error && (
        <FieldMessage role="alert" className="px-5 py-2">
          Could not load the takes: {takes.error.message}
        </FieldMessage>
      )}
      {takes.isPending ? (
        <div
          aria-hidden="true"
          className="grid grid-cols-[repeat(auto-fill,minmax(208px,1fr))] gap-3 p-5"
        >
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="aspect-video" />
          ))}
        </div>
      ) : takes.jobs.length === 0 && !takes.error ? (
        <div className="flex flex-wrap items-center gap-3 px-5 py-8 text-sm text-text-muted">
          {takes.filtered || filters.status !== 'completed' ? (
            <>
              <p>No takes match these filters.</p>
              <Button size="sm" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </Button>
            </>
          ) : (
            <p>No takes yet. Write a prompt, press Generate, and finished takes land here.</p>
          )}
        </div>
      ) : (
        <TakeGrid
          ref={grid}
          jobs={takes.jobs}
          selected={selected}
          onToggleSelected={toggleSelected}
          onOpen={setTakeId}
          onCompare={(ids) => setCompare(ids.slice(0, COMPARE_MAX))}
          onDelete={(job) => remove.mutate(job)}
          hasMore={takes.hasNextPage}
          loadingMore={takes.isFetchingNextPage}
          loadMore={loadMore}
        />
      )}
      {selected.size > 0 && (
        <SelectionBar
          ids={[...selected]}
          onCompare={compareSelection}
          onMakeReel={reelOfSelection}
          onClear={() => setSelected(new Set())}
        />
      )}
      {/* While the viewer is open, it shows the toasts itself: it is a modal dialog. */}
      {!takeId && <UndoToasts />}
      {takeId && (
        <Suspense fallback={null}>
          <TakeViewer
            id={takeId}
            order={takes.jobs}
            onNavigate={setTakeId}
            onClose={() => setTakeId(null)}
          />
        </Suspense>
      )}
    </section>
  )
}
