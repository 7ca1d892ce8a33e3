import { ApiError } from '../../contract/errors'
import type { JobError, JobErrorKind } from '../../contract/job'
import { UpstreamError, type UpstreamErrorKind } from '../upstream/types'

export type { JobError }

/** What the person can do about each way a call upstream fails (see JOB_ERROR_KINDS). */
const KIND_OF: Record<UpstreamErrorKind, JobErrorKind> = {
  auth: 'auth',
  quota: 'quota',
  moderation: 'moderation',
  invalid: 'invalid_request',
  model_unavailable: 'model_unavailable',
  rate_limited: 'rate_limited',
  unavailable: 'provider_down',
  bad_response: 'provider_down',
  not_found: 'provider_down',
  conflict: 'provider_down',
}

/** What a failed job tells the user: the provider's own code when it gave one. */
export function jobErrorFrom(error: unknown): JobError {
  if (error instanceof UpstreamError) {
    const code = error.details.code ?? `upstream_${error.kind}`
    return { code, kind: KIND_OF[error.kind], message: error.message }
  }
  return { code: 'internal', kind: 'studio', message: 'The studio could not hand this job to the provider' }
}

/**
 * Why a reference fitted after the 201 (ADR 008) failed: the image itself (it broke off after a
 * sound header), or the studio (its disk). Either way nothing reached the provider.
 */
export function referenceFailure(error: unknown): JobError {
  if (error instanceof ApiError) {
    return { code: 'reference_unreadable', kind: 'invalid_request', message: `${error.message}: pick another image, or Retry.` }
  }
  const code = (error as NodeJS.ErrnoException | null)?.code
  const reason = code === 'ENOSPC' || code === 'EDQUOT' ? "the studio's disk is full" : 'the studio could not save it'
  return {
    code: 'reference_failed',
    kind: 'studio',
    message: `The reference image could not be prepared: ${reason}. Nothing was sent to the provider; Retry once that is fixed.`,
  }
}

export const INTERRUPTED: JobError = {
  code: 'interrupted',
  kind: 'studio',
  message:
    'The studio stopped before the provider confirmed this job, so it may not have started. Retry to render it.',
}

export const LOST_UPSTREAM: JobError = {
  code: 'lost_upstream',
  kind: 'studio',
  message: 'The provider no longer knows this job (it may have been deleted or expired). Retry to render it again.',
}

export const EXPIRED_FILES: JobError = {
  code: 'files_expired',
  kind: 'studio',
  message:
    'The provider finished this take but its files had expired before the studio could copy them. Retry to render it again.',
}

export const DISK_FULL: JobError = {
  code: 'archive_retrying',
  kind: 'studio',
  message: 'Could not save the take: the disk is full. Retrying…',
}

const VAULT_TROUBLE: Record<string, string> = {
  EACCES: 'the studio may not write to its data folder',
  EPERM: 'the studio may not write to its data folder',
  EROFS: 'its data folder is read-only',
  EIO: 'the disk reported an error',
  EMFILE: 'too many files are open',
}

/**
 * What a job waiting in `archiving` tells the user when the vault cannot take its files: the
 * studio keeps retrying, and the error is cleared once the take is saved. null for trouble that
 * is not the disk's (the provider's download failing is retried without a word).
 */
export function archiveTrouble(error: unknown): JobError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') return DISK_FULL
  const reason = code ? VAULT_TROUBLE[code] : undefined
  return reason ? { code: 'archive_retrying', kind: 'studio', message: `Could not save the take: ${reason} (${code}). Retrying…` } : null
}
