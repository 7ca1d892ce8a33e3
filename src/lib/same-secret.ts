import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Equal in constant time, whatever the lengths: both sides are hashed to 32 bytes first, so
 * neither the time taken nor an early length check tells a guesser anything. The one comparison
 * of secrets (the studio's token and sessions, the simulator's key).
 */
export function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(presented), digest(expected))
}
