import { useQuery } from '@tanstack/react-query'
import { cn } from '../components/ui/cn'
import { Skeleton } from '../components/ui/skeleton'
import { healthQueries } from '../lib/health-queries'
import { PROVIDER_LABELS } from '../lib/providers'

/** Which provider renders the takes, and whether the studio server answers at all. */
export function ProviderBadge() {
  const health = useQuery(healthQueries.status())

  if (health.isPending) return <Skeleton pill className="h-6 w-24" />

  const offline = health.isError || !health.data.ok
  const provider = health.data?.provider
  const label = offline ? 'Server offline' : provider ? PROVIDER_LABELS[provider] : ''
  const dot = offline ? 'bg-danger' : provider === 'simulator' ? 'bg-warning' : 'bg-accent'

  return (
    <span
      className="inline-flex h-6 items-center gap-2 rounded-full border border-border bg-surface px-2.5 text-xs text-text-muted"
      title={offline ? 'The studio server does not answer' : `Renders go to ${label}`}
    >
      <span aria-hidden="true" className={cn('size-1.5 rounded-full', dot)} />
      <span className="sr-only">Provider: </span>
      <span>{label}</span>
    </span>
  )
}
