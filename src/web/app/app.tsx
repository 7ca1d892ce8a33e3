import { useQuery } from '@tanstack/react-query'
import { CompareRoute } from '../features/compare/compare-route'
import { ReelsRoute } from '../features/reels/reels-route'
import { AccountMenu } from '../features/account/account-menu'
import { ComposePanel } from '../features/compose/compose-panel'
import { RenderQueue } from '../features/jobs/render-queue'
import { healthQueries } from '../lib/health-queries'
import { Brand } from './brand'
import { GallerySlot } from './gallery-slot'
import { NewTakeLink } from './new-take-link'
import { ProviderBadge } from './provider-badge'
import { SimulatorBanner } from './simulator-banner'
import { SpendToday } from './spend-today'

export function App() {
  const health = useQuery(healthQueries.status())

  return (
    <div className="flex min-h-dvh flex-col lg:h-dvh">
      <header className="shrink-0 border-b border-border bg-surface">
        <div className="flex h-12 items-center gap-4 px-5">
          <Brand />
          <ProviderBadge />
          <div className="ml-auto flex items-center gap-3">
            {/* The group grows leftwards: today's spend, arriving with its request, goes first so
                it pushes nothing already drawn. */}
            <SpendToday />
            <NewTakeLink />
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
          <GallerySlot />
        </main>
      </div>
      <CompareRoute />
      <ReelsRoute />
    </div>
  )
}
