import { useState } from 'react'
import { Button } from '../../components/ui/button'

function permission(): NotificationPermission | null {
  return typeof Notification === 'undefined' ? null : Notification.permission
}

/** Asks, once the person wants it, to be told when takes finish while the tab is hidden. */
export function NotifyButton() {
  const [state, setState] = useState(permission)
  if (state !== 'default') return null
  return (
    <Button
      size="sm"
      variant="ghost"
      onClick={() => void Notification.requestPermission().then(setState)}
    >
      Notify me when takes finish
    </Button>
  )
}
