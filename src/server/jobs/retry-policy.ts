import { UpstreamError } from '../upstream/types'

/**
 * The one retry policy for provider reads (polls and downloads). The adapter makes one request
 * per call and never waits; the watcher, which owns the schedule, decides when to ask again and
 * holds no polling slot meanwhile.
 */
export interface RetrySchedule {
  /** The first backoff step; it doubles with each failure in a row. */
  minMs: number
  /** The longest backoff when the provider gives no hint. */
  errorMaxMs: number
}

/** Spread of the returns after a Retry-After, so hundreds of jobs told the same do not all come back at once. */
export const RETRY_AFTER_SPREAD_MS = 1000

/**
 * How long to wait after the `failures`-th failed read in a row: the provider's Retry-After
 * when it gives one (plus up to a second of jitter), else exponential backoff with jitter in
 * [½, 1) of min(errorMaxMs, minMs·2^failures).
 */
export function retryDelayMs(
  schedule: RetrySchedule,
  failures: number,
  error: unknown,
  random: () => number,
): number {
  const asked = error instanceof UpstreamError ? error.details.retryAfterMs : undefined
  if (asked !== undefined) return asked + Math.floor(random() * RETRY_AFTER_SPREAD_MS)
  const ceiling = Math.min(schedule.errorMaxMs, schedule.minMs * 2 ** failures)
  return Math.round(ceiling * (0.5 + 0.5 * random()))
}
