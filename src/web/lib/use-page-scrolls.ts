import { useSyncExternalStore } from 'react'

/**
 * True below the `lg` breakpoint, where the app is one column and the page itself scrolls (see
 * app.tsx): there the takes grid must not be a scroll box of its own inside the page, and the
 * composer comes after the takes.
 */
const DESKTOP = '(min-width: 64rem)'

/** jsdom has no matchMedia; without one the desktop layout is assumed. */
const desktopQuery = () => window.matchMedia?.(DESKTOP)

function subscribe(onChange: () => void) {
  const query = desktopQuery()
  query?.addEventListener('change', onChange)
  return () => query?.removeEventListener('change', onChange)
}

/** Whether the page is one column now (the composer below the takes, off the first screen). */
export const pageScrolls = (): boolean => desktopQuery()?.matches === false

export function usePageScrolls(): boolean {
  return useSyncExternalStore(subscribe, pageScrolls, () => false)
}
