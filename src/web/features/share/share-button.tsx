import { lazy, Suspense, useState } from 'react'
import type { ReviewShare } from '../../../contract/links'
import { Button } from '../../components/ui/button'

// The dialog (and the zod that checks its form) is fetched when it is first opened: the button
// sits in the gallery's toolbar, and the gallery is on the first screen.
const ShareDialog = lazy(() => import('./share-dialog').then((m) => ({ default: m.ShareDialog })))

/** "Share for review" and its dialog, for the selection or a reel. */
export function ShareButton({
  share,
  what,
  disabled,
}: {
  share: ReviewShare
  what: string
  disabled?: boolean
}) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button size="sm" disabled={disabled} onClick={() => setOpen(true)}>
        Share for review
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ShareDialog share={share} what={what} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  )
}
