import { lazy, type ComponentType } from 'react'

/**
 * A part of the screen whose code is a chunk of its own, so the first screen's script does not
 * carry it. `preload` asks for the chunk once (as the app starts, beside the data the part
 * waits for); `pick` gives the part itself when its code is already here, drawn in the same
 * frame, else a lazy one to draw inside a Suspense boundary. The caller keeps what it picked
 * in state (`const [Part] = useState(part.pick)`), so a late chunk never remounts the part.
 */
export function deferredPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null
  let loading: Promise<ComponentType<P>> | null = null

  function preload(): Promise<ComponentType<P>> {
    loading ??= load().then(
      (part) => (loaded = part),
      (error: unknown) => {
        // A chunk that did not arrive (a network blip) is asked for again next time.
        loading = null
        throw error
      },
    )
    return loading
  }

  const Lazy = lazy(() => preload().then((part) => ({ default: part })))

  return { preload, pick: (): ComponentType<P> => loaded ?? Lazy }
}
