import { UpstreamError } from '../upstream/types'

export interface JobError {
  code: string
  message: string
}

/** What a failed job tells the user: the provider's own code when it gave one. */
export function jobErrorFrom(error: unknown): JobError {
  if (error instanceof UpstreamError) {
    return { code: error.details.code ?? `upstream_${error.kind}`, message: error.message }
  }
  return { code: 'internal', message: 'The studio could not hand this job to the provider' }
}

export const INTERRUPTED: JobError = {
  code: 'interrupted',
  message:
    'The studio stopped before the provider confirmed this job, so it may not have started. Retry to render it.',
}

export const LOST_UPSTREAM: JobError = {
  code: 'lost_upstream',
  message: 'The provider no longer knows this job (it may have been deleted or expired). Retry to render it again.',
}

export const EXPIRED_FILES: JobError = {
  code: 'files_expired',
  message:
    'The provider finished this take but its files had expired before the studio could copy them. Retry to render it again.',
}
