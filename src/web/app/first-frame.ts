import type { QueryClient } from '@tanstack/react-query'
import { healthQueries } from '../lib/health-queries'
import { jobQueries } from '../lib/job-queries'
import { readGalleryFilters } from '../features/gallery/use-gallery-filters'
import { galleryListFilters } from '../features/gallery/use-gallery-takes'
import { loadComposeForm } from '../features/compose/compose-panel'
import { loadGallery } from './gallery-slot'

/** How long the first frame waits for what it needs before it draws without it. */
const FIRST_FRAME_WAIT_MS = 1500

/**
 * What the first frame needs so that nothing in it moves when a reply lands: whether the header
 * carries the simulator banner (drawn later, it pushed the whole page down), the takes still
 * rendering (drawn later, their rows pushed the phone's gallery down), and the gallery's code and
 * first page of takes (drawn later, they pushed the phone's composer down). All are
 * asked for at once, as the app starts (index.html preloads /api/health beside the scripts);
 * until they are here, index.html's own header is on screen. A server that does not answer
 * holds the app back no longer than FIRST_FRAME_WAIT_MS.
 */
export function firstFrameReady(client: QueryClient): Promise<void> {
  const filters = galleryListFilters(readGalleryFilters(window.location.search))
  // Asked for now but not waited for: the composer shows its skeleton until its models arrive.
  void loadComposeForm().catch(() => undefined)
  const needed = Promise.all([
    client.prefetchQuery(healthQueries.status()),
    client.prefetchQuery(jobQueries.active()),
    client.prefetchInfiniteQuery(jobQueries.gallery(filters)),
    loadGallery().catch(() => undefined),
  ])
  return Promise.race([
    needed.then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS)),
  ])
}
