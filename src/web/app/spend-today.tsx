import { useQuery } from '@tanstack/react-query'
import { jobQueries } from '../lib/job-queries'
import { formatUsd } from '../lib/format'

const RECENT = { limit: 100 }

function isToday(iso: string, now: Date): boolean {
  return new Date(iso).toDateString() === now.toDateString()
}

/** What today's takes cost, from the newest jobs: a running tally, not an invoice. */
export function SpendToday() {
  const { data, isPending } = useQuery(jobQueries.list(RECENT))
  // Its room is held while the tally loads, so the header items beside it do not move.
  if (isPending)
    return (
      <p aria-hidden="true" className="invisible text-xs tabular-nums">
        $0.00 today
      </p>
    )
  if (!data) return null
  const now = new Date()
  const today = data.items.filter((job) => isToday(job.createdAt, now))
  const total = today.reduce((sum, job) => sum + (job.costUsd ?? 0), 0)
  // All of the newest 100 are from today and there are more: the tally is a floor.
  const more = today.length === data.items.length && data.nextCursor !== null
  return (
    <p
      className="text-xs text-text-muted tabular-nums"
      title="Estimated cost of the takes started today (refused takes cost nothing)"
    >
      <span className="font-medium text-text">
        {more ? 'over ' : ''}
        {formatUsd(total)}
      </span>{' '}
      today
    </p>
  )
}
