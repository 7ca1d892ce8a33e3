import { z } from 'zod/mini'
import { LIST_LIMIT_MAX } from './list-limit'
import { PROMPT_MAX_LENGTH, providerSchema } from './capabilities'
import { settingsIssues, type CatalogModel } from './catalog'
import { groupIdSchema, jobIdSchema, jobSchema, jobStatusSchema } from './job'
import { JOB_STATUSES, type JobStatus } from './job-status'
import { verdictValueSchema } from './verdict-schema'

export const promptSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Write a prompt'),
    z.maxLength(
      PROMPT_MAX_LENGTH,
      `A prompt is at most ${PROMPT_MAX_LENGTH.toLocaleString('en')} characters`,
    ),
  )

export const fitSchema = z.enum(['cover', 'contain'])
export type Fit = z.infer<typeof fitSchema>

const modelNameSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'Choose a model'), z.maxLength(100))
const sizeNameSchema = z.string().check(z.trim(), z.minLength(1, 'Choose a size'), z.maxLength(40))

/**
 * The fields of POST /api/jobs (multipart; the first frame travels as the `input_reference` part,
 * the last frame as `last_frame`). Which model, size and duration are valid is the live catalog's
 * call: see createJobFieldsSchemaFor.
 */
export const createJobFieldsSchema = z.object({
  prompt: promptSchema,
  model: modelNameSchema,
  size: sizeNameSchema,
  seconds: z.coerce.number().check(z.int('Duration is a whole number of seconds')),
  fit: z._default(fitSchema, 'cover'),
  group: z.optional(groupIdSchema),
})
export type CreateJobFields = z.output<typeof createJobFieldsSchema>
export type CreateJobInput = z.input<typeof createJobFieldsSchema>

/** The one check of a new take's fields, fed by a catalog value: the BFF's and the form's. */
export function createJobFieldsSchemaFor(models: readonly CatalogModel[]) {
  return createJobFieldsSchema.check(
    z.superRefine((fields, ctx) => {
      for (const issue of settingsIssues(models, fields)) {
        ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message })
      }
    }),
  )
}

/** Multipart part names of the two reference images. */
export const REFERENCE_PARTS = { first: 'input_reference', last: 'last_frame' } as const

export const remixRequestSchema = z.object({ prompt: promptSchema })
export type RemixRequest = z.infer<typeof remixRequestSchema>

/** One status, or several as a repeated parameter (`status=queued&status=in_progress`). */
const statusFilterSchema = z.pipe(
  z.union(
    [
      jobStatusSchema,
      z.array(jobStatusSchema).check(z.minLength(1), z.maxLength(JOB_STATUSES.length)),
    ],
    {
      error: `A status is one of ${JOB_STATUSES.join(', ')}`,
    },
  ),
  z.transform((status: JobStatus | JobStatus[]) => [status].flat()),
)

/** The filters of GET /api/jobs: everything the studio's lists ask for, applied by the server. */
export const listJobsQuerySchema = z.object({
  status: z.optional(statusFilterSchema),
  model: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  size: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  /** Finds takes by their prompt or the text of their notes. */
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  /** Only the takes with this verdict ("Circled", "Hold", "No good" in the gallery). */
  verdict: z.optional(verdictValueSchema),
  group: z.optional(groupIdSchema),
  /** Only the remixes of this take. */
  remixOf: z.optional(jobIdSchema),
  /** Only the takes this person started (their name at sign-in; see GET /api/authors). */
  author: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(LIST_LIMIT_MAX)), 30),
  cursor: z.optional(z.string().check(z.maxLength(200))),
})
export type ListJobsQuery = z.input<typeof listJobsQuerySchema>

/** GET /api/authors: everyone who started a take still in the studio, by name. */
export const authorListSchema = z.object({ items: z.array(z.string()) })
export type AuthorList = z.infer<typeof authorListSchema>

/**
 * How far ahead of the server's clock `since` may be: a browser whose clock runs a little fast
 * asks for its midnight moments before the server reaches it.
 */
const CLOCK_SKEW_MS = 5 * 60_000

/** GET /api/spend: `since` is an instant (the browser sends its own midnight, so "today" is the user's day). */
export const spendQuerySchema = z.object({
  since: z.iso
    .datetime({
      offset: true,
      error: 'since is an ISO 8601 instant, like 2026-01-31T23:00:00.000Z',
    })
    .check(
      z.refine(
        (since) => Date.parse(since) <= Date.now() + CLOCK_SKEW_MS,
        'since is in the future',
      ),
    ),
})
export type SpendQuery = z.infer<typeof spendQuerySchema>

/** What the takes started since an instant cost (still in the studio; refused and cancelled ones cost nothing). */
export const spendSchema = z.object({
  /** The instant asked for, in UTC. */
  since: z.iso.datetime(),
  totalUsd: z.number(),
  takes: z.int().check(z.gte(0)),
  /** Takes whose provider publishes no price: counted in `takes`, at $0 in `totalUsd`. */
  unknownCostTakes: z.int().check(z.gte(0)),
})
export type Spend = z.infer<typeof spendSchema>

export const jobListSchema = z.object({
  items: z.array(jobSchema),
  nextCursor: z.nullable(z.string()),
})
export type JobList = z.infer<typeof jobListSchema>

/** Whether a part the studio depends on answers; `ok` is false (and the reply a 503) when one does not. */
const reachabilitySchema = z.enum(['up', 'down'])
export const healthSchema = z.object({
  ok: z.boolean(),
  provider: providerSchema,
  database: reachabilitySchema,
  storage: reachabilitySchema,
})
export type Health = z.infer<typeof healthSchema>

export const mediaQuerySchema = z.object({ download: z.optional(z.enum(['0', '1'])) })

export const frameQuerySchema = z.object({ t: z.optional(z.coerce.number().check(z.gte(0))) })
export type FrameQuery = z.infer<typeof frameQuerySchema>
