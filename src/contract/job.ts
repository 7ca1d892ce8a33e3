import { z } from 'zod/mini'
import { providerSchema } from './capabilities'
import { verdictSchema } from './verdict-schema'
import { JOB_STATUSES } from './job-status'

export const jobStatusSchema = z.enum(JOB_STATUSES)

export const jobIdSchema = z.string().check(z.regex(/^job_[A-Za-z0-9]{10,40}$/, 'Not a job id'))
export const groupIdSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'A group id is 1–64 letters, digits, - or _'))

/**
 * What a failed take's person can do about it, classified once on the server (from the provider's
 * reply) so that the web never guesses from codes or messages.
 * - moderation: the provider refused what the prompt (or its reference) asks for — reword it.
 * - rate_limited: the provider asks to slow down — wait, then generate again.
 * - quota: the provider account has no credit left — top it up.
 * - auth: the provider refused the studio's key — fix the server's configuration.
 * - model_unavailable: the provider does not serve this model — pick another.
 * - provider_down: the provider had trouble (5xx, timeouts, unreadable replies) — try again soon.
 * - invalid_request: the provider refused a field of the request — change the settings.
 * - render_failed: the provider took the job but could not render it — generate again.
 * - studio: the studio's own trouble (interrupted, timed out, files expired…) — its message says.
 */
export const JOB_ERROR_KINDS = [
  'moderation',
  'rate_limited',
  'quota',
  'auth',
  'model_unavailable',
  'provider_down',
  'invalid_request',
  'render_failed',
  'studio',
] as const
export const jobErrorKindSchema = z.enum(JOB_ERROR_KINDS)
export type JobErrorKind = z.infer<typeof jobErrorKindSchema>

export const jobErrorSchema = z.object({
  /** The provider's own code when it gave one (e.g. `moderation_blocked`), else the studio's. */
  code: z.string(),
  kind: jobErrorKindSchema,
  message: z.string(),
})
export type JobError = z.infer<typeof jobErrorSchema>

const referenceSchema = z.nullable(z.object({ url: z.string(), width: z.int(), height: z.int() }))

export const jobSchema = z.object({
  id: jobIdSchema,
  upstreamId: z.nullable(z.string()),
  provider: providerSchema,
  prompt: z.string(),
  /** As requested: any string, so a take of a model that left the catalog still lists. */
  model: z.string(),
  /** The provider's own name for what rendered it (e.g. `veo_3_1-4K` for `veo3.1`), when it said. */
  providerModel: z.nullable(z.string()),
  size: z.string(),
  seconds: z.int(),
  status: jobStatusSchema,
  progress: z.number().check(z.gte(0), z.lte(100)),
  error: z.nullable(jobErrorSchema),
  createdAt: z.iso.datetime(),
  completedAt: z.nullable(z.iso.datetime()),
  remixOf: z.nullable(jobIdSchema),
  group: z.nullable(groupIdSchema),
  /** The take's letter within its submit (A, B, C…); a retry keeps the letter of the take it retries. */
  take: z.string().check(z.regex(/^[A-Z]{1,3}$/)),
  /** The first frame (or the one reference image). */
  reference: referenceSchema,
  /** The last frame, for models that take two references. */
  lastReference: referenceSchema,
  media: z.nullable(
    z.object({
      video: z.string(),
      thumbnail: z.nullable(z.string()),
      spritesheet: z.nullable(z.string()),
      /**
       * The thumbnail at tile size (long side 480 px), with its width and the thumbnail's (for a
       * srcset); null for takes archived before the studio made stills, or when making it failed.
       */
      still: z.nullable(z.object({ url: z.string(), width: z.int(), thumbnailWidth: z.int() })),
    }),
  ),
  /** null when the provider's price is not known. */
  costUsd: z.nullable(z.number()),
  /** Circled, hold or no good (see contract/review.ts); null until someone judges the take. */
  verdict: verdictSchema,
  /** Who gave the verdict: a reviewer's name through a review link, or the signed-in name; null if not known. */
  verdictBy: z.nullable(z.string()),
  /** How many review notes the take has. */
  notesCount: z.int().check(z.gte(0)),
  /** Who started it: the name given at sign-in; null on a studio without a token, or from a script. */
  author: z.nullable(z.string()),
})
export type Job = z.infer<typeof jobSchema>
