import { z } from 'zod'
import { modelIdSchema, providerSchema, sizeSchema } from './capabilities'

export const JOB_STATUSES = [
  'submitting',
  'queued',
  'in_progress',
  'archiving',
  'completed',
  'failed',
] as const
export const jobStatusSchema = z.enum(JOB_STATUSES)
export type JobStatus = z.infer<typeof jobStatusSchema>

/** Where a job ends: it changes no more. Server and web share this one definition. */
export const TERMINAL_STATUSES: readonly JobStatus[] = ['completed', 'failed']
export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_STATUSES.includes(status)
}

/** Every status of a job still on its way (the queue shows these; the watcher follows them). */
export const ACTIVE_STATUSES: readonly JobStatus[] = JOB_STATUSES.filter((status) => !isTerminal(status))
export function isActive(status: JobStatus): boolean {
  return !isTerminal(status)
}

export const jobIdSchema = z.string().regex(/^job_[A-Za-z0-9]{10,40}$/, 'Not a job id')
export const groupIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'A group id is 1–64 letters, digits, - or _')

export const jobSchema = z.object({
  id: jobIdSchema,
  upstreamId: z.string().nullable(),
  provider: providerSchema,
  prompt: z.string(),
  model: modelIdSchema,
  size: sizeSchema,
  seconds: z.number().int(),
  status: jobStatusSchema,
  progress: z.number().min(0).max(100),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  remixOf: jobIdSchema.nullable(),
  group: groupIdSchema.nullable(),
  reference: z
    .object({ url: z.string(), width: z.number().int(), height: z.number().int() })
    .nullable(),
  media: z
    .object({ video: z.string(), thumbnail: z.string().nullable(), spritesheet: z.string().nullable() })
    .nullable(),
  costUsd: z.number(),
})
export type Job = z.infer<typeof jobSchema>
