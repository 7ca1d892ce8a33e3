import { useState } from 'react'
import type { ReviewShare } from '../../../contract/links'
import { Button } from '../../components/ui/button'
import { ShareDialog } from './share-dialog'

/** "Share for review" and its dialog, for the selection or a reel. */
export function ShareButton({ share, what, disabled }: { share: ReviewShare; what: string; disabled?: boolean }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button size="sm" disabled={disabled} onClick={() => setOpen(true)}>
        Share for review
      </Button>
      {open && <ShareDialog share={share} what={what} onClose={() => setOpen(false)} />}
    </>
  )
}
