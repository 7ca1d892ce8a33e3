import type { Capabilities } from '../../../contract/capabilities'
import { estimateCostUsd } from '../../../contract/catalog'
import { formatUsd } from '../../lib/format'
import { findModel } from './settings'

export interface Estimate {
  pricePerSecond: number
  /** The whole submit: price × seconds × takes, rounded to the cent per take as the server bills. */
  totalUsd: number
}

export function estimate(
  caps: Capabilities,
  choice: { model: string; size: string; seconds: number; takes: number },
): Estimate | null {
  const model = findModel(caps, choice.model)
  const price = model?.sizes.find((s) => s.size === choice.size)?.pricePerSecond
  // The server's own rounding (to the cent per take), so the estimate is what the take will cost.
  const perTake = estimateCostUsd(model, choice.size, choice.seconds)
  if (price === undefined || price === null || perTake === null) return null
  return { pricePerSecond: price, totalUsd: perTake * choice.takes }
}

/** "2 takes · 8 s · ≈ $1.60" */
export function describeSubmit(takes: number, seconds: number, cost: Estimate | null): string {
  const parts = [`${takes} ${takes === 1 ? 'take' : 'takes'}`, `${seconds} s`]
  if (cost) parts.push(`≈ ${formatUsd(cost.totalUsd)}`)
  return parts.join(' · ')
}

/** "1280 × 720" → "16:9" */
export function aspectLabel(size: string): string {
  const [w, h] = size.split('x').map(Number) as [number, number]
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
  const d = gcd(w, h)
  return `${w / d}:${h / d}`
}
