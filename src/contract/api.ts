import { z } from 'zod'
import { PROMPT_MAX_LENGTH, providerSchema } from './capabilities'
import { settingsIssues, type CatalogModel } from './catalog'
import { JOB_STATUSES, groupIdSchema, jobIdSchema, jobSchema, jobStatusSchema } from './job'
import { verdictValueSchema } from './verdict'

export const promptSchema = z
  .string()
  .trim()
  .min(1, 'Write a prompt')
  .max(PROMPT_MAX_LENGTH, `A prompt is at most ${PROMPT_MAX_LENGTH.toLocaleString('en')} characters`)

export const fitSchema = z.enum(['cover', 'contain'])
export type Fit = z.infer<typeof fitSchema>

const modelNameSchema = z.string().trim().min(1, 'Choose a model').max(100)
const sizeNameSchema = z.string().trim().min(1, 'Choose a size').max(40)

/**
 * The fields of POST /api/jobs (multipart; the first frame travels as the `input_reference` part,
 * the last frame as `last_frame`). Which model, size and duration are valid is the live catalog's
 * call: see createJobFieldsSchemaFor.
 */
export const createJobFieldsSchema = z.object({
  prompt: promptSchema,
  model: modelNameSchema,
  size: sizeNameSchema,
  seconds: z.coerce.number().int('Duration is a whole number of seconds'),
  fit: fitSchema.default('cover'),
  group: groupIdSchema.optional(),
})
export type CreateJobFields = z.output<typeof createJobFieldsSchema>
export type CreateJobInput = z.input<typeof createJobFieldsSchema>

/** The one check of a new take's fields, fed by a catalog value: the BFF's and the form's. */
export function createJobFieldsSchemaFor(models: readonly CatalogModel[]) {
  return createJobFieldsSchema.superRefine((fields, ctx) => {
    for (const issue of settingsIssues(models, fields)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message })
    }
  })
}

/** Multipart part names of the two reference images. */
export const REFERENCE_PARTS = { first: 'input_reference', last: 'last_frame' } as const

export const remixRequestSchema = z.object({ prompt: promptSchema })
export type RemixRequest = z.infer<typeof remixRequestSchema>

export const LIST_LIMIT_MAX = 100
/** One status, or several as a repeated parameter (`status=queued&status=in_progress`). */
const statusFilterSchema = z
  .union([jobStatusSchema, z.array(jobStatusSchema).min(1).max(JOB_STATUSES.length)], {
    error: `A status is one of ${JOB_STATUSES.join(', ')}`,
  })
  .transform((status) => [status].flat())

/** The filters of GET /api/jobs: everything the studio's lists ask for, applied by the server. */
export const listJobsQuerySchema = z.object({
  status: statusFilterSchema.optional(),
  model: z.string().min(1).max(100).optional(),
  size: z.string().min(1).max(40).optional(),
  /** Finds takes by their prompt or the text of their notes. */
  q: z.string().trim().max(200).optional(),
  /** Only the takes with this verdict ("Circled", "Hold", "No good" in the gallery). */
  verdict: verdictValueSchema.optional(),
  group: groupIdSchema.optional(),
  /** Only the remixes of this take. */
  remixOf: jobIdSchema.optional(),
  /** Only the takes this person started (their name at sign-in; see GET /api/authors). */
  author: z.string().trim().min(1).max(60).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(30),
  cursor: z.string().max(200).optional(),
})
export type ListJobsQuery = z.input<typeof listJobsQuerySchema>

/** GET /api/authors: everyone who started a take still in the studio, by name. */
export const authorListSchema = z.object({ items: z.array(z.string()) })
export type AuthorList = z.infer<typeof authorListSchema>

export const jobListSchema = z.object({
  items: z.array(jobSchema),
  nextCursor: z.string().nullable(),
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

export const mediaQuerySchema = z.object({ download: z.enum(['0', '1']).optional() })

export const frameQuerySchema = z.object({ t: z.coerce.number().min(0).optional() })
export type FrameQuery = z.infer<typeof frameQuerySchema>
