import { z } from 'zod'
import {
  MODEL_TABLE,
  PROMPT_MAX_LENGTH,
  modelIdSchema,
  providerSchema,
  sizeSchema,
} from './capabilities'
import { JOB_STATUSES, groupIdSchema, jobIdSchema, jobSchema, jobStatusSchema } from './job'

export const promptSchema = z
  .string()
  .trim()
  .min(1, 'Write a prompt')
  .max(PROMPT_MAX_LENGTH, `A prompt is at most ${PROMPT_MAX_LENGTH.toLocaleString('en')} characters`)

export const fitSchema = z.enum(['cover', 'contain'])
export type Fit = z.infer<typeof fitSchema>

/**
 * The fields of POST /api/jobs (multipart; the image travels as the `input_reference` part).
 * Shared by the BFF and the compose form, so both refuse the same things with the same words.
 */
export const createJobFieldsSchema = z
  .object({
    prompt: promptSchema,
    model: modelIdSchema,
    size: sizeSchema,
    seconds: z.coerce.number().int('Duration is a whole number of seconds'),
    fit: fitSchema.default('cover'),
    group: groupIdSchema.optional(),
  })
  .superRefine((fields, ctx) => {
    const spec = MODEL_TABLE[fields.model]
    if (!spec.sizes.includes(fields.size)) {
      ctx.addIssue({
        code: 'custom',
        path: ['size'],
        message: `${spec.label} renders ${spec.sizes.join(' or ')}, not ${fields.size}`,
      })
    }
    if (!spec.seconds.includes(fields.seconds)) {
      ctx.addIssue({
        code: 'custom',
        path: ['seconds'],
        message: `${spec.label} renders ${spec.seconds.join(', ')} seconds, not ${fields.seconds}`,
      })
    }
  })
export type CreateJobFields = z.output<typeof createJobFieldsSchema>
export type CreateJobInput = z.input<typeof createJobFieldsSchema>

export const remixRequestSchema = z.object({ prompt: promptSchema })
export type RemixRequest = z.infer<typeof remixRequestSchema>

export const LIST_LIMIT_MAX = 100
/** One status, or several as a repeated parameter (`status=queued&status=in_progress`). */
const statusFilterSchema = z
  .union([jobStatusSchema, z.array(jobStatusSchema).min(1).max(JOB_STATUSES.length)])
  .transform((status) => [status].flat())

/** The filters of GET /api/jobs: everything the studio's lists ask for, applied by the server. */
export const listJobsQuerySchema = z.object({
  status: statusFilterSchema.optional(),
  model: modelIdSchema.optional(),
  size: sizeSchema.optional(),
  q: z.string().trim().max(200).optional(),
  group: groupIdSchema.optional(),
  /** Only the remixes of this take. */
  remixOf: jobIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(30),
  cursor: z.string().max(200).optional(),
})
export type ListJobsQuery = z.input<typeof listJobsQuerySchema>

export const jobListSchema = z.object({
  items: z.array(jobSchema),
  nextCursor: z.string().nullable(),
})
export type JobList = z.infer<typeof jobListSchema>

export const healthSchema = z.object({ ok: z.boolean(), provider: providerSchema })
export type Health = z.infer<typeof healthSchema>

export const mediaQuerySchema = z.object({ download: z.enum(['0', '1']).optional() })

export const frameQuerySchema = z.object({ t: z.coerce.number().min(0).optional() })
export type FrameQuery = z.infer<typeof frameQuerySchema>
