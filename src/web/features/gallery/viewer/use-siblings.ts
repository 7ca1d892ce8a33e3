import { useQuery } from '@tanstack/react-query'
import type { Job } from '../../../../contract/job'
import { jobQueries } from '../../../lib/job-queries'

/** The takes of the job's submit, A first; just the job when it was a submit of one. */
export function useSiblings(job: Job): Job[] {
  const { data } = useQuery({
    ...jobQueries.list({ group: job.group ?? '', limit: 100 }),
    enabled: job.group !== null,
  })
  const takes = job.group && data ? data.items : [job]
  return [...takes].sort((a, b) => a.take.localeCompare(b.take) || a.take.length - b.take.length)
}
