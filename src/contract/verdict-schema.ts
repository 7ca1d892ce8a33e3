import { z } from 'zod/mini'
import { VERDICTS } from './verdict'

/** A verdict as the API checks it. Its own file so job.ts and review.ts can both use it. */
export const verdictValueSchema = z.enum(VERDICTS, {
  error: `A verdict is one of ${VERDICTS.join(', ')} or null`,
})
export const verdictSchema = z.nullable(verdictValueSchema)
