import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import { CompareRoute } from '../features/compare/compare-route'
import { ReelsRoute } from '../features/reels/reels-route'
import { AccountMenu } from '../features/account/account-menu'
import { ComposePanel } from '../features/compose/compose-panel'
import { RenderQueue } from '../features/jobs/render-queue'
import { healthQueries } from '../lib/health-queries'
import { NewTakeLink } from './new-take-link'
import { ProviderBadge } from './provider-badge'
import { SimulatorBanner } from './simulator-banner'
import { SpendToday } from './spend-today'

/**
 * The gallery (with its virtualiser) is a chunk of its own, fetched as soon as the app starts and
 * alongside the first list request, so the compose form paints without waiting for it; on a
 * phone the gallery is below the fold anyway.
 */
const Gallery = lazy(() =>
  import('../features/gallery/gallery').then((m) => ({ default: m.Gallery })),
)

export function App() {
  const health = useQuery(healthQueries.status())

  return (
    <div className="flex min-h-dvh flex-col lg:h-dvh">
      <header className="shrink-0 border-b border-border bg-surface">
        <div className="flex h-12 items-center gap-4 px-5">
          <h1 className="flex items-center gap-2 text-sm font-semibold tracking-tight text-text">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 text-accent">
              <rect
                x="2"
                y="4"
                width="16"
                height="12"
                rx="2"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
              />
              <path d="M8.5 7.5v5l4.2-2.5z" fill="currentColor" />
            </svg>
            Dailies
          </h1>
          <ProviderBadge />
          <div className="ml-auto flex items-center gap-3">
            <NewTakeLink />
            <SpendToday />
            <AccountMenu />
          </div>
        </div>
        {health.data?.provider === 'simulator' && <SimulatorBanner />}
      </header>
      <div className="flex flex-1 flex-col lg:flex-row lg:overflow-hidden">
        <aside
          id="compose"
          aria-label="Compose"
          // On a phone the renders come first and the composer follows them; beside them on a desktop.
          className="order-last border-t border-border bg-surface lg:order-none lg:w-[400px] lg:shrink-0 lg:overflow-y-auto lg:border-t-0 lg:border-r"
        >
          <ComposePanel />
        </aside>
        <main className="flex min-w-0 flex-1 flex-col lg:overflow-hidden">
          <RenderQueue />
          <Suspense fallback={<GalleryPlaceholder />}>
            <Gallery />
          </Suspense>
        </main>
      </div>
      <CompareRoute />
      <ReelsRoute />
    </div>
  )
}

/** Holds the gallery's place while its code arrives, so nothing below or beside it jumps. */
function GalleryPlaceholder() {
  return (
    <div aria-hidden="true" className="flex min-h-[70dvh] flex-[1_1_0px] flex-col lg:min-h-0" />
  )
}
