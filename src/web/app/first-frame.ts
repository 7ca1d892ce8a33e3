import type { QueryClient } from '@tanstack/react-query'
import { authorQueries } from '../lib/author-queries'
import { capabilityQueries } from '../lib/capability-queries'
import { healthQueries } from '../lib/health-queries'
import { jobQueries } from '../lib/job-queries'
import { readGalleryFilters } from '../features/gallery/use-gallery-filters'
import { galleryListFilters } from '../features/gallery/use-gallery-takes'
import { loadComposeForm } from '../features/compose/compose-panel'
import { composerOnFirstScreen } from '../features/compose/use-composer-wanted'
import { sessionQueries } from '../features/account/session-queries'
import { loadGallery } from './gallery-slot'
import { startOfToday } from './spend-today'

/** How long the first frame waits for what it needs before it draws without it. */
const FIRST_FRAME_WAIT_MS = 1500

/**
 * What the first frame needs so that nothing in it moves when a reply lands: whether the header
 * carries the simulator banner (drawn later, it pushed the whole page down), the takes still
 * rendering (drawn later, their rows pushed the phone's gallery down), the gallery's code and
 * first page of takes (drawn later, they pushed the phone's composer down), the catalog that
 * names each tile's model (arriving later, it drew every tile a second time), and the header's
 * and toolbar's own data (the account menu, today's spend, the authors filter). All are
 * asked for at once, as the app starts (index.html preloads /api/health beside the scripts);
 * until they are here, index.html's own header is on screen. A server that does not answer
 * holds the app back no longer than FIRST_FRAME_WAIT_MS.
 */
export function firstFrameReady(client: QueryClient): Promise<void> {
  const filters = galleryListFilters(readGalleryFilters(window.location.search))
  // In order of need: the gallery's code is the largest thing the first frame waits for. The
  // built index.html preloads it beside the first scripts (vite.config.ts); this runs it, and
  // fetches it where nothing preloaded it (the dev server).
  const needed = Promise.all([
    loadGallery().catch(() => undefined),
    client.prefetchInfiniteQuery(jobQueries.gallery(filters)),
    client.prefetchQuery(healthQueries.status()),
    client.prefetchQuery(jobQueries.active()),
    client.prefetchQuery(capabilityQueries.current()),
    client.prefetchQuery(sessionQueries.info()),
    client.prefetchQuery(jobQueries.spend(startOfToday())),
    client.prefetchQuery(authorQueries.list()),
  ])
  // Asked for now but not waited for: the composer shows its skeleton until its models arrive.
  // On a phone it sits below the takes: its code comes later (use-composer-wanted.ts).
  if (composerOnFirstScreen()) void loadComposeForm().catch(() => undefined)
  return Promise.race([
    needed.then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS)),
  ])
}
