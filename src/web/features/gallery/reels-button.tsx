import { Button } from '../../components/ui/button'
import { REEL_LIST, setUrlParam } from '../../lib/url-state'

/** Beside the Takes heading: opens the list of reels (`?reel=all`). */
export function ReelsButton() {
  return (
    <Button size="sm" variant="ghost" className="-ml-2 text-accent hover:text-accent-hover" onClick={() => setUrlParam('reel', REEL_LIST)}>
      Reels
    </Button>
  )
}
