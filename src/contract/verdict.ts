/**
 * A take's verdict, as a director gives it in dailies: circled (keep), hold, no good; null when
 * nobody has judged it. Without zod, so the browser's first screen carries no schema for it
 * (decision 011); verdict-schema.ts checks it.
 */
export const VERDICTS = ['circled', 'hold', 'no_good'] as const
export type VerdictValue = (typeof VERDICTS)[number]
export type Verdict = VerdictValue | null
export const VERDICT_LABELS: Record<VerdictValue, string> = {
  circled: 'Circled',
  hold: 'Hold',
  no_good: 'No good',
}
