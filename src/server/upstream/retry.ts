import { UpstreamError } from './types'

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number
  baseDelayMs: number
  /**
   * The longest single wait. A provider asking (Retry-After) for longer than this gets the
   * error handed back at once, with `retryAfterMs`, so the caller can schedule the retry.
   */
  maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 20_000 }

/** `retry-after-ms` (non-standard, sent by OpenAI), else `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '')
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms)
  const value = headers.get('retry-after')?.trim()
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number.parseFloat(value) * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Exponential backoff with full jitter: a random wait in [0, min(max, base·2^(n−1))). */
export function backoffMs(policy: RetryPolicy, failures: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1))
  return Math.floor(random() * ceiling)
}

export interface RetryHooks {
  sleep: (ms: number) => Promise<void>
  random: () => number
  signal?: AbortSignal
  onRetry?: (error: UpstreamError, attempt: number, delayMs: number) => void
}

/**
 * Runs `call` until it succeeds, fails for good, or runs out of attempts. Only errors the
 * studio can outwait are retried (`UpstreamError.retryable`: 429, 408, 5xx, network trouble).
 * Never use this for create or remix: without an idempotency key a retry can bill twice.
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  hooks: RetryHooks,
  call: (attempt: number) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt)
    } catch (error) {
      if (!(error instanceof UpstreamError) || !error.retryable || attempt >= policy.attempts) {
        throw error
      }
      const asked = error.details.retryAfterMs
      if (asked !== undefined && asked > policy.maxDelayMs) throw error
      const delayMs = asked ?? backoffMs(policy, attempt, hooks.random)
      hooks.onRetry?.(error, attempt, delayMs)
      await hooks.sleep(delayMs)
      if (hooks.signal?.aborted) throw hooks.signal.reason
    }
  }
}
