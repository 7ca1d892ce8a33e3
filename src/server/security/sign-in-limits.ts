import type { SignInConfig } from '../config'
import { clientKey } from './client-address'

export type SignInVerdict =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; scope: 'address' | 'global' }

interface Failures {
  count: number
  lastAt: number
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
// Bounds the memory an attacker with many addresses can make us spend.
const MAX_TRACKED = 10_000

/**
 * Slows down guessing of the studio token (OWASP: growing delays rather than a lockout the
 * attacker could impose on the owner forever). Each client address gets a few free wrong tokens,
 * then waits 1 s, 2 s, 4 s… (capped) before each next try is even checked; a success clears it.
 * Across all addresses, wrong tokens beyond an hourly ceiling make every address that has not
 * recently proved it knows the token wait too, so a botnet cannot guess in parallel, while the
 * owner still gets in.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, Failures>()
  private readonly recentFailures: number[] = []
  private readonly knownGood = new Map<string, number>()

  constructor(
    private readonly limits: Pick<
      SignInConfig,
      'triesPerAddress' | 'maxWaitSeconds' | 'globalFailuresPerHour'
    >,
    private readonly now: () => number,
  ) {}

  /** Asked before a presented token is checked: a refused try is not checked at all. */
  check(address: string): SignInVerdict {
    const key = clientKey(address)
    const now = this.now()
    const own = this.failures.get(key)
    if (own && own.count >= this.limits.triesPerAddress) {
      const waitMs = Math.min(
        2 ** (own.count - this.limits.triesPerAddress) * 1000,
        this.limits.maxWaitSeconds * 1000,
      )
      const until = own.lastAt + waitMs
      if (now < until)
        return {
          allowed: false,
          retryAfterSeconds: Math.ceil((until - now) / 1000),
          scope: 'address',
        }
    }
    this.forgetOlderThan(now - HOUR)
    const known = (this.knownGood.get(key) ?? -Infinity) > now - 30 * DAY
    const oldest = this.recentFailures[0]
    if (
      !known &&
      oldest !== undefined &&
      this.recentFailures.length >= this.limits.globalFailuresPerHour
    ) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + HOUR - now) / 1000)),
        scope: 'global',
      }
    }
    return { allowed: true }
  }

  failed(address: string): void {
    const key = clientKey(address)
    const now = this.now()
    const own = this.failures.get(key)
    // An address quiet for a day starts over.
    const count = own && own.lastAt > now - DAY ? own.count + 1 : 1
    this.remember(this.failures, key, { count, lastAt: now })
    this.recentFailures.push(now)
    if (this.recentFailures.length > this.limits.globalFailuresPerHour) this.recentFailures.shift()
  }

  succeeded(address: string): void {
    const key = clientKey(address)
    this.failures.delete(key)
    this.remember(this.knownGood, key, this.now())
  }

  private forgetOlderThan(cutoff: number): void {
    while (this.recentFailures[0] !== undefined && this.recentFailures[0] <= cutoff)
      this.recentFailures.shift()
  }

  private remember<T>(map: Map<string, T>, key: string, value: T): void {
    map.delete(key)
    map.set(key, value)
    if (map.size > MAX_TRACKED) map.delete(map.keys().next().value ?? key)
  }
}
