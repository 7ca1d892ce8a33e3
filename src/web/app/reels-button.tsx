import { Button } from '../components/ui/button'
import { REEL_LIST, setUrlParam } from '../lib/url-state'

/** Opens the list of reels (`?reel=all`). */
export function ReelsButton() {
  return (
    <Button size="sm" variant="ghost" onClick={() => setUrlParam('reel', REEL_LIST)}>
      Reels
    </Button>
  )
}
