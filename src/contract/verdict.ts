import { z } from 'zod/mini'

/**
 * A take's verdict, as a director gives it in dailies: circled (keep), hold, no good; null when
 * nobody has judged it. Its own file so job.ts and review.ts can both use it.
 */
export const VERDICTS = ['circled', 'hold', 'no_good'] as const
export const verdictValueSchema = z.enum(VERDICTS, {
  error: `A verdict is one of ${VERDICTS.join(', ')} or null`,
})
export type VerdictValue = z.infer<typeof verdictValueSchema>
export const verdictSchema = z.nullable(verdictValueSchema)
export type Verdict = z.infer<typeof verdictSchema>
export const VERDICT_LABELS: Record<VerdictValue, string> = {
  circled: 'Circled',
  hold: 'Hold',
  no_good: 'No good',
}
