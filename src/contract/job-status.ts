/**
 * A job's statuses and what they mean, without zod: the browser's first screen needs these and
 * no schema (decision 011). job.ts builds the status schema from the same list.
 */
export const JOB_STATUSES = [
  'submitting',
  'queued',
  'in_progress',
  'archiving',
  'completed',
  'failed',
  'cancelled',
] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

/** Where a job ends: it changes no more. Server and web share this one definition. */
export const TERMINAL_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled']
export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_STATUSES.includes(status)
}
/** A take the person may still cancel: the provider has it and has not finished. */
export function isCancellable(status: JobStatus): boolean {
  return status === 'queued' || status === 'in_progress'
}

/** Every status of a job still on its way (the queue shows these; the watcher follows them). */
export const ACTIVE_STATUSES: readonly JobStatus[] = JOB_STATUSES.filter(
  (status) => !isTerminal(status),
)
