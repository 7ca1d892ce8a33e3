import { lazy, Suspense } from 'react'
import { REEL_LIST, useReelParam } from '../../lib/url-state'

// Loaded on first use: the studio's first screen does not carry the reels' code.
const ReelView = lazy(() => import('./reel-view').then((module) => ({ default: module.ReelView })))
const ReelList = lazy(() => import('./reel-list').then((module) => ({ default: module.ReelList })))

/** `?reel=id` opens a reel over the studio, `?reel=all` the list of reels; closing clears the URL. */
export function ReelsRoute() {
  const [reel, setReel] = useReelParam()
  if (!reel) return null
  return (
    <Suspense fallback={null}>
      {reel === REEL_LIST ? (
        <ReelList onOpen={setReel} onClose={() => setReel(null)} />
      ) : (
        <ReelView key={reel} id={reel} onShowAll={() => setReel(REEL_LIST)} onClose={() => setReel(null)} />
      )}
    </Suspense>
  )
}
