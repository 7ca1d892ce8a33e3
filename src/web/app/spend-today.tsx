import { useQuery } from '@tanstack/react-query'
import { jobQueries } from '../lib/job-queries'
import { formatUsd } from '../lib/format'

/** The user's midnight as an instant, so "today" is their day wherever the server is. */
export function startOfToday(): string {
  const now = new Date()
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString()
}

const TITLE = 'Estimated cost of the takes started today (refused takes cost nothing)'

/** What today's takes cost, added up by the server: a running tally, not an invoice. */
export function SpendToday() {
  const { data, isPending } = useQuery(jobQueries.spend(startOfToday()))
  // Its room is held while the tally loads, so the header items beside it do not move.
  if (isPending)
    return (
      <p aria-hidden="true" className="invisible text-xs tabular-nums">
        $0.00 today
      </p>
    )
  if (!data) return null
  const unpriced = data.unknownCostTakes
  // Unpriced takes (a model without a published price) are told on hover, to keep the header calm.
  const title = unpriced
    ? `${TITLE}; ${unpriced} ${unpriced === 1 ? 'take has' : 'takes have'} no published price and ${unpriced === 1 ? 'is' : 'are'} not in it`
    : TITLE
  return (
    <p className="text-xs text-text-muted tabular-nums" title={title}>
      <span className="font-medium text-text">{formatUsd(data.totalUsd)}</span> today
    </p>
  )
}
