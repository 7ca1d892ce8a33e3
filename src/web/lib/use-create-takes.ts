import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { CreateJobFields } from '../../contract/api'
import type { Job } from '../../contract/job'
import { ApiError } from '../../contract/errors'
import { createJob } from './create-job'
import { rememberNewJob } from './job-mutations'
import { jobQueries } from './job-queries'

export interface CreateTakesInput {
  fields: Omit<CreateJobFields, 'group'>
  /** 1–4: each take is its own job; together they share one group id. */
  takes: number
  reference: File | null
  /** The last frame, for models that take two references. */
  lastFrame?: File | null
}

export interface CreateTakesResult {
  group: string
  jobs: Job[]
  /** Set when some takes started and then the server refused the next one. */
  failure: ApiError | null
}

/** A group id the server accepts (letters, digits, - and _), made in any browsing context. */
export function newGroupId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return `grp_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/**
 * Starts the takes of one submit, one create after another: the server renders them in order,
 * and a refusal (429, a bad field) stops the rest instead of repeating itself. Each new job is
 * put into the queue's cache the moment the server answers; the lists are refetched after.
 */
export function useCreateTakes() {
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<number | null>(null)

  const mutation = useMutation({
    mutationFn: async ({
      fields,
      takes,
      reference,
      lastFrame = null,
    }: CreateTakesInput): Promise<CreateTakesResult> => {
      const group = newGroupId()
      const jobs: Job[] = []
      for (let take = 0; take < takes; take++) {
        try {
          const job = await createJob(
            { ...fields, group, reference, lastFrame },
            {
              onUploadProgress: reference || lastFrame
                ? (loaded, total) => setProgress(((take + loaded / total) / takes) * 100)
                : undefined,
            },
          )
          jobs.push(job)
          // Into the queue the moment the server answers, before the next take is sent.
          void rememberNewJob(queryClient, job)
        } catch (error) {
          if (jobs.length === 0 || !(error instanceof ApiError)) throw error
          return { group, jobs, failure: error }
        }
      }
      return { group, jobs, failure: null }
    },
    onMutate: () => setProgress(null),
    onSettled: () => {
      setProgress(null)
      return queryClient.invalidateQueries({ queryKey: jobQueries.lists() })
    },
  })

  return { ...mutation, uploadProgress: progress }
}
