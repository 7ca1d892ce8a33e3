import { useEffect, useState, type RefObject } from 'react'
import { useComposerHandoff } from '../../lib/composer-handoff'
import { pageScrolls } from '../../lib/use-page-scrolls'

/** How near the view (below it) the composer starts loading on a phone. */
const NEAR_PX = 600

/** Whether the composer is on the first screen: beside the takes, not below them on a phone. */
export const composerOnFirstScreen = (): boolean => !pageScrolls()

/**
 * Whether the composer's form should be drawn (and its code fetched) now. Beside the takes, at
 * once. On a phone it sits below them: its code and its drawing are left out of the first screen
 * and come on demand, as the composer nears the view (the header's "New take" scrolls it there)
 * or when a take hands it settings. Not when the page is idle: drawing the form then was the
 * longest task a phone ran while its first takes were still loading (docs/benchmarks.md).
 */
export function useComposerWanted(panel: RefObject<HTMLElement | null>): boolean {
  const [wanted, setWanted] = useState(composerOnFirstScreen)
  // Settings handed over are applied by the form once it is drawn, which ends the handoff: the
  // form must stay drawn after that, so the handoff turns `wanted` on for good.
  const handedSettings = useComposerHandoff().pending !== null
  if (handedSettings && !wanted) setWanted(true)
  useEffect(() => {
    if (wanted) return
    const want = () => setWanted(true)
    const element = panel.current
    const observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && want(), {
            rootMargin: `0px 0px ${NEAR_PX}px 0px`,
          })
    if (element) observer?.observe(element)
    return () => observer?.disconnect()
  }, [panel, wanted])
  return wanted
}
