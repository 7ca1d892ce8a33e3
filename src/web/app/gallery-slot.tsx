import { Suspense, useState } from 'react'
import { deferredPart } from '../lib/deferred-part'

/**
 * The gallery is a chunk of its own, run in a task of its own when the app imports it (not in
 * the one task that runs the app's first script). The first frame waits for it (first-frame.ts),
 * so index.html preloads it beside that script (vite.config.ts, preloadParts).
 */
const gallery = deferredPart(() => import('../features/gallery/gallery').then((m) => m.Gallery))
export const loadGallery = gallery.preload

/**
 * The gallery, drawn in the first frame when its code arrived in time (no placeholder that the
 * takes then push the composer out of), else behind a placeholder holding its place.
 */
export function GallerySlot() {
  const [Gallery] = useState(gallery.pick)
  return (
    <Suspense fallback={<GalleryPlaceholder />}>
      <Gallery />
    </Suspense>
  )
}

/** Holds the gallery's place while its code arrives, so nothing below or beside it jumps. */
function GalleryPlaceholder() {
  return (
    <div aria-hidden="true" className="flex min-h-[70dvh] flex-[1_1_0px] flex-col lg:min-h-0" />
  )
}
