import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Skeleton } from '../components/ui/skeleton'
import { reviewerQueries } from './reviewer-queries'
import { ReviewerName } from './reviewer-name'
import { ReviewStage } from './review-stage'

function Shell({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-bg text-text">
      <header className="flex h-11 shrink-0 items-center gap-3 border-b border-border bg-surface px-4">
        <span className="text-sm font-semibold tracking-wide">Dailies</span>
        <span className="text-xs text-text-muted">Review{title ? ` · ${title}` : ''}</span>
      </header>
      <main className="flex min-h-0 flex-1 flex-col">{children}</main>
    </div>
  )
}

/** The reviewer's whole page: the shared takes only, nothing of the studio around them. */
export function ReviewerApp() {
  const view = useQuery(reviewerQueries.view())
  if (view.isPending)
    return (
      <Shell>
        <Skeleton className="m-4 aspect-video max-w-3xl" />
      </Shell>
    )
  if (view.error)
    return (
      <Shell>
        <div role="alert" className="m-auto max-w-sm p-6 text-center">
          <h1 className="mb-2 text-base font-medium">This review cannot be shown</h1>
          <p className="text-sm text-text-muted">{view.error.message}. Open the link you were sent again, or ask for a new one.</p>
        </div>
      </Shell>
    )
  const data = view.data
  const title = data.reel?.name ?? (data.takes.length === 1 ? '1 take' : `${data.takes.length} takes`)
  return (
    <Shell title={title}>
      {data.reviewer === null ? <ReviewerName /> : <ReviewStage view={data} />}
    </Shell>
  )
}
