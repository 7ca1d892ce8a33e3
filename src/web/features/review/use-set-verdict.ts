import { useMutation, useQueryClient } from '@tanstack/react-query'
import { jobSchema } from '../../../contract/job'
import type { Verdict } from '../../../contract/verdict'
import { apiRequest } from '../../lib/api-client'
import { jobQueries } from '../../lib/job-queries'

/** PUT /api/jobs/:id/verdict: circled, hold, no good, or null to clear; the take shows it at once. */
export function useSetVerdict() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, verdict }: { id: string; verdict: Verdict }) =>
      apiRequest(`/api/jobs/${encodeURIComponent(id)}/verdict`, jobSchema, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ verdict }),
      }),
    onSuccess: (job) => {
      queryClient.setQueryData(jobQueries.detail(job.id).queryKey, job)
      return queryClient.invalidateQueries({ queryKey: jobQueries.lists() })
    },
  })
}
