import { Button } from '../../components/ui/button'
import { REEL_LIST, setUrlParam } from '../../lib/url-state'

/** Beside the Takes heading: opens the list of reels (`?reel=all`). */
export function ReelsButton() {
  return (
    <Button size="sm" variant="link" className="-ml-2" onClick={() => setUrlParam('reel', REEL_LIST)}>
      Reels
    </Button>
  )
}
