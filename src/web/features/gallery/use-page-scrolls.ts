import { useSyncExternalStore } from 'react'

/**
 * True below the `lg` breakpoint, where the app is one column and the page itself scrolls (see
 * app.tsx): there the takes grid must not be a scroll box of its own inside the page.
 */
const DESKTOP = '(min-width: 64rem)'

/** jsdom has no matchMedia; without one the desktop layout is assumed. */
const desktopQuery = () => window.matchMedia?.(DESKTOP)

function subscribe(onChange: () => void) {
  const query = desktopQuery()
  query?.addEventListener('change', onChange)
  return () => query?.removeEventListener('change', onChange)
}

export function usePageScrolls(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => desktopQuery()?.matches === false,
    () => false,
  )
}
