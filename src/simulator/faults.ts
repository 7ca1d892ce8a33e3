import { SimError } from './errors'

/**
 * Deterministic faults, switched on by writing `[sim:<name>]` anywhere in a prompt
 * (case-insensitive). docs/simulator.md has the table.
 */
export const FAULT_NAMES = [
  'moderation',
  '429',
  '500',
  'fail-midway',
  'slow',
  'lost',
  'expire',
  'gateway-status',
  'status-expired',
] as const
export type FaultName = (typeof FAULT_NAMES)[number]

const TRIGGER = /\[sim:([a-z0-9-]+)\]/gi

export function parseFaults(prompt: string): FaultName[] {
  const found = new Set<FaultName>()
  for (const match of prompt.matchAll(TRIGGER)) {
    const name = match[1]?.toLowerCase()
    const known = FAULT_NAMES.find((f) => f === name)
    if (known) found.add(known)
  }
  return [...found]
}

/** Faults that refuse the create (or remix) itself: no job is made. */
export function refusalFor(faults: readonly FaultName[], model: string): SimError | null {
  if (faults.includes('429')) {
    return new SimError(
      429,
      `Rate limit reached for ${model} on requests per min (RPM): Limit 2, Used 2, Requested 1. ` +
        'Please try again in 2s.',
      { type: 'requests', code: 'rate_limit_exceeded', headers: { 'retry-after': '2' } },
    )
  }
  if (faults.includes('500')) {
    return new SimError(
      500,
      'The server had an error while processing your request. Sorry about that!',
      { type: 'server_error' },
    )
  }
  return null
}

export interface FailurePlan {
  /** Progress (0–100) at which the job stops. */
  at: number
  /** null: the job is lost (404 from then on) rather than failed. */
  error: { code: string; message: string } | null
  /** `expired`: the provider discards the job with that status and no error. */
  status?: 'expired'
}

/** How a job that was accepted goes wrong, if it does. */
export function failureFor(faults: readonly FaultName[]): FailurePlan | null {
  if (faults.includes('moderation')) {
    return {
      at: 35,
      error: {
        code: 'moderation_blocked',
        message: 'Your request was blocked by our moderation system.',
      },
    }
  }
  if (faults.includes('fail-midway')) {
    return {
      at: 50,
      error: {
        code: 'internal_error',
        message: 'Video generation failed due to an internal error. Please try again.',
      },
    }
  }
  if (faults.includes('lost')) return { at: 50, error: null }
  if (faults.includes('status-expired')) return { at: 50, error: null, status: 'expired' }
  return null
}

/** Wall-clock render time in ms: timeScale × (2 + 2.5 × seconds) s, five times that when slow. */
export function renderDurationMs(
  timeScale: number,
  seconds: number,
  faults: readonly FaultName[],
): number {
  const slow = faults.includes('slow') ? 5 : 1
  return Math.round(timeScale * (2 + 2.5 * seconds) * 1000 * slow)
}
