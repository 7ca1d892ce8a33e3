import { useQuery } from '@tanstack/react-query'
import { Button } from '../../components/ui/button'
import { Skeleton } from '../../components/ui/skeleton'
import { capabilityQueries } from '../../lib/capability-queries'
import { LimitsCard } from './limits-card'
import { ModelCard } from './model-card'

/** What the current provider can render: models, frames, durations and prices. */
export function ModelsPanel() {
  const capabilities = useQuery(capabilityQueries.current())

  return (
    <section aria-labelledby="models-heading" className="mx-auto w-full max-w-6xl">
      <div className="mb-4 flex items-baseline gap-3">
        <h2
          id="models-heading"
          className="text-[11px] font-medium tracking-label text-text-muted uppercase"
        >
          Models
        </h2>
        <p className="text-xs text-text-subtle">
          What this studio can render, and what a take costs
        </p>
      </div>
      {capabilities.isPending ? (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <div className="space-y-4">
            <Skeleton className="h-36" />
            <Skeleton className="h-52" />
          </div>
          <Skeleton className="h-48" />
        </div>
      ) : capabilities.isError ? (
        <div
          role="alert"
          className="flex items-center gap-4 rounded-lg border border-danger/30 bg-danger/5 px-4 py-3"
        >
          <p className="text-xs text-danger">
            Could not load the models: {capabilities.error.message}
          </p>
          <Button size="sm" className="ml-auto" onClick={() => void capabilities.refetch()}>
            Retry
          </Button>
        </div>
      ) : (
        <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <div className="space-y-4">
            {capabilities.data.models.map((model) => (
              <ModelCard key={model.id} model={model} />
            ))}
          </div>
          <LimitsCard capabilities={capabilities.data} />
        </div>
      )}
    </section>
  )
}
