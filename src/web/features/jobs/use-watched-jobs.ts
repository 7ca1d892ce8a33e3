import { useQuery } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import type { Job } from '../../../contract/job'
import { jobQueries } from '../../lib/job-queries'

function merge(watched: Job[], active: Job[]): Job[] {
  const seen = new Set(active.map((job) => job.id))
  return [...active, ...watched.filter((job) => !seen.has(job.id))].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  )
}

/**
 * The jobs the queue follows: every job the active list has shown, until its own detail query
 * sees it finish. A job that drops out of the list (it finished between two list reads) stays,
 * so its finish is still noticed and handled exactly once.
 */
export function useWatchedJobs() {
  const active = useQuery(jobQueries.active())
  const [watched, setWatched] = useState<Job[]>([])
  const [merged, setMerged] = useState<Job[] | undefined>(undefined)

  // Folding each new list read in during render, as React advises for state derived from props.
  if (active.data && active.data !== merged) {
    setMerged(active.data)
    setWatched((current) => merge(current, active.data))
  }

  const release = useCallback((id: string) => {
    setWatched((current) => current.filter((job) => job.id !== id))
  }, [])

  return { jobs: watched, isPending: active.isPending, error: active.error, release }
}
