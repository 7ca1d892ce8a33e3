import { lazy, Suspense, useState, type ComponentType } from 'react'
import type * as GalleryModuleType from '../features/gallery/gallery'

type GalleryModule = typeof GalleryModuleType

let loaded: GalleryModule | null = null
let loading: Promise<GalleryModule> | null = null

/**
 * The gallery (with its virtualiser) is a chunk of its own, so the first screen's script does
 * not carry it. It is asked for as soon as the app starts (first-frame.ts), beside the first
 * page of takes; on a phone the gallery is below the fold anyway.
 */
export function loadGallery(): Promise<GalleryModule> {
  loading ??= import('../features/gallery/gallery').then((module) => (loaded = module))
  return loading
}

const LazyGallery = lazy(() => loadGallery().then((module) => ({ default: module.Gallery })))

/**
 * The gallery, drawn in the first frame when its code arrived in time (no placeholder that the
 * takes then push the composer out of), else behind a placeholder holding its place. Which of
 * the two is fixed when the slot mounts, so a late chunk never remounts the gallery.
 */
export function GallerySlot() {
  const [Gallery] = useState<ComponentType>(() => loaded?.Gallery ?? LazyGallery)
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
