import { useQuery } from '@tanstack/react-query'
import { Suspense, useRef, useState } from 'react'
import { Button } from '../../components/ui/button'
import { Skeleton } from '../../components/ui/skeleton'
import { capabilityQueries } from '../../lib/capability-queries'
import { deferredPart } from '../../lib/deferred-part'
import { NothingOffered } from './nothing-offered'
import { useComposerWanted } from './use-composer-wanted'

/**
 * The form is a chunk of its own: it cannot be drawn before the models arrive, so its code is
 * asked for as the app starts (first-frame.ts), beside them, and the first screen's script
 * does not carry it. Until both are here the skeleton holds its place. On a phone, where it is
 * below the takes, it is asked for later (use-composer-wanted.ts).
 */
const composeForm = deferredPart(() => import('./compose-form').then((m) => m.ComposeForm))
export const loadComposeForm = composeForm.preload

/** The studio's left column: the composer, once the server has said what it can render. */
export function ComposePanel() {
  const capabilities = useQuery(capabilityQueries.current())
  const [ComposeForm] = useState(composeForm.pick)
  const panel = useRef<HTMLDivElement>(null)
  const wanted = useComposerWanted(panel)

  return (
    <div ref={panel} className="px-5 pt-4">
      <h2
        id="compose-heading"
        className="mb-3 text-[11px] font-medium tracking-label text-text-muted uppercase"
      >
        Compose
      </h2>
      {capabilities.isPending || !wanted ? (
        <ComposeSkeleton />
      ) : capabilities.isError ? (
        <div
          role="alert"
          className="mb-5 grid gap-3 rounded-md border border-danger/30 bg-danger/5 p-3"
        >
          <p className="text-xs text-danger">
            Could not load the models: {capabilities.error.message}
          </p>
          <Button
            size="sm"
            className="justify-self-start"
            onClick={() => void capabilities.refetch()}
          >
            Retry
          </Button>
        </div>
      ) : capabilities.data.models.some((m) => m.availability === 'offered') ? (
        <Suspense fallback={<ComposeSkeleton />}>
          <ComposeForm capabilities={capabilities.data} />
        </Suspense>
      ) : (
        <NothingOffered models={capabilities.data.models} />
      )}
    </div>
  )
}

function ComposeSkeleton() {
  return (
    <div className="grid gap-3 pb-5" aria-busy="true">
      <Skeleton className="h-40" />
      <Skeleton className="h-8" />
      <Skeleton className="h-12" />
      <Skeleton className="h-8" />
      <Skeleton className="h-10" />
    </div>
  )
}
