import { useInfiniteQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { jobQueries, type JobFilters } from '../../lib/job-queries'
import type { GalleryFilterState } from './gallery-toolbar'

const SEARCH_DEBOUNCE_MS = 250

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/** What the gallery asks the server for under these filters (`q`: the search as sent). */
export function galleryListFilters(state: GalleryFilterState, q = state.search.trim()): JobFilters {
  return {
    ...(state.status !== 'all' && { status: state.status }),
    ...(state.model && { model: state.model }),
    ...(state.size && { size: state.size }),
    ...(state.verdict && { verdict: state.verdict }),
    ...(state.author && { author: state.author }),
    ...(q && { q }),
  }
}

/** The gallery's takes under its filters, page after page, as one list. */
export function useGalleryTakes(state: GalleryFilterState) {
  const q = useDebounced(state.search.trim(), SEARCH_DEBOUNCE_MS)
  const filters = galleryListFilters(state, q)
  const { data, error, isPending, hasNextPage, isFetchingNextPage, fetchNextPage } =
    useInfiniteQuery(jobQueries.gallery(filters))
  const jobs = useMemo(() => {
    const seen = new Set<string>()
    return (data?.pages ?? [])
      .flatMap((page) => page.items)
      .filter((job) => !seen.has(job.id) && Boolean(seen.add(job.id)))
  }, [data])
  return {
    jobs,
    error,
    isPending,
    // A search typed but not yet asked for, or takes not yet here: what is shown is about to change.
    busy: isPending || q !== state.search.trim(),
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage,
    filtered: Object.keys(filters).some((key) => key !== 'status'),
  }
}
