import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Verdict } from '../../../contract/verdict'
import { apiRequest } from '../../lib/api-client'
import { jobQueries } from '../../lib/job-queries'
import type { Job } from '../../../contract/job'

/**
 * PUT /api/jobs/:id/verdict: circled, hold, no good, or null to clear. Quick presses (O, then X)
 * are sent one after another for the take, so the last one pressed is the one kept.
 */
export function useSetVerdict(jobId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    scope: { id: `verdict:${jobId}` },
    mutationFn: (verdict: Verdict) =>
      apiRequest<Job>(`/api/jobs/${encodeURIComponent(jobId)}/verdict`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ verdict }),
      }),
    onSuccess: (job) => {
      queryClient.setQueryData(jobQueries.detail(job.id).queryKey, job)
      // Not waited for: the gallery behind the viewer catches up on its own time.
      void queryClient.invalidateQueries({ queryKey: jobQueries.lists() })
    },
  })
}
