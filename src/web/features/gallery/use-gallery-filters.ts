import { replaceUrlParams, useUrlSearch } from '../../lib/url-state'
import { VERDICTS } from '../../../contract/verdict'
import type { GalleryFilterState, StatusFilter } from './gallery-toolbar'

const STATUSES: readonly StatusFilter[] = ['completed', 'failed', 'cancelled', 'all']

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value)
}

/**
 * The gallery's search and filters live in the address bar (`?q=…&status=failed&verdict=circled…`),
 * so a reload, a bookmark or a shared link shows the same takes. An unknown status or verdict is ignored.
 */
export function readGalleryFilters(search: string): GalleryFilterState {
  const params = new URLSearchParams(search)
  return {
    search: params.get('q') ?? '',
    status: oneOf(params.get('status'), STATUSES) ?? 'completed',
    // Models and sizes come from the catalog; the server answers an unknown one with no takes.
    model: params.get('model') ?? '',
    size: params.get('size') ?? '',
    verdict: oneOf(params.get('verdict'), VERDICTS) ?? '',
    author: params.get('by') ?? '',
  }
}

export function useGalleryFilters(): [GalleryFilterState, (next: GalleryFilterState) => void] {
  const set = (next: GalleryFilterState) =>
    replaceUrlParams({
      q: next.search,
      status: next.status === 'completed' ? null : next.status,
      model: next.model,
      size: next.size,
      verdict: next.verdict,
      by: next.author,
    })
  return [readGalleryFilters(useUrlSearch()), set]
}
