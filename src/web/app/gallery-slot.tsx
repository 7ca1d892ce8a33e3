import { Suspense, useState } from 'react'
import { deferredPart } from '../lib/deferred-part'

/**
 * The gallery (with its virtualiser) is a chunk of its own, so the first screen's script does
 * not carry it. It is asked for as soon as the app starts (first-frame.ts), beside the first
 * page of takes; on a phone the gallery is below the fold anyway.
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
