import { useQuery } from '@tanstack/react-query'
import { Button } from '../../components/ui/button'
import { Skeleton } from '../../components/ui/skeleton'
import { capabilityQueries } from '../../lib/capability-queries'
import { ComposeForm } from './compose-form'
import { NothingOffered } from './nothing-offered'

/** The studio's left column: the composer, once the server has said what it can render. */
export function ComposePanel() {
  const capabilities = useQuery(capabilityQueries.current())

  return (
    <div className="px-5 pt-4">
      <h2
        id="compose-heading"
        className="mb-3 text-[11px] font-medium tracking-label text-text-muted uppercase"
      >
        Compose
      </h2>
      {capabilities.isPending ? (
        <div className="grid gap-3 pb-5" aria-busy="true">
          <Skeleton className="h-40" />
          <Skeleton className="h-8" />
          <Skeleton className="h-12" />
          <Skeleton className="h-8" />
          <Skeleton className="h-10" />
        </div>
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
        <ComposeForm capabilities={capabilities.data} />
      ) : (
        <NothingOffered models={capabilities.data.models} />
      )}
    </div>
  )
}
