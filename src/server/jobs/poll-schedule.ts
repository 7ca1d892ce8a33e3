/** How often the watcher polls the provider, and how long it waits for a take at most. */
export interface PollSchedule {
  /** First poll delay, and the interval while progress moves. */
  minMs: number
  /** The slowest a job is polled while nothing changes: bounds how late a finish is noticed. */
  maxMs: number
  /** The longest wait after repeated upstream errors. */
  errorMaxMs: number
  /** Polls and archives in flight at once, across all jobs (this replica's share of the provider cap). */
  concurrency: number
}

export const DEFAULT_SCHEDULE: PollSchedule = {
  minMs: 1000,
  maxMs: 3000,
  errorMaxMs: 30_000,
  concurrency: 8,
}

/** How long a take may stay queued or in progress before the studio stops waiting. */
export const DEFAULT_MAX_AGE_MS = 60 * 60_000
