import { z } from 'zod/mini'
import type { CatalogModel } from './catalog'
import { groupIdSchema, jobIdSchema, jobSchema } from './job'
import { REEL_MAX_SHOTS, REEL_NAME_MAX } from './reel-rules'

/**
 * Reels: a named, ordered list of takes played straight through, and exported as one MP4.
 * The server keeps them (store + a sidecar in the vault); review links may share one.
 */

export const reelIdSchema = z.string().check(z.regex(/^reel_[A-Za-z0-9]{10,40}$/, 'Not a reel id'))

export const reelNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Name the reel'),
    z.maxLength(REEL_NAME_MAX, `A reel name is at most ${REEL_NAME_MAX} characters`),
  )

/** The takes of a reel, in play order: each take at most once. */
export const reelJobIdsSchema = z.array(jobIdSchema).check(
  z.minLength(1, 'A reel needs at least one take'),
  z.maxLength(REEL_MAX_SHOTS, `A reel holds at most ${REEL_MAX_SHOTS} takes`),
  z.refine((ids) => new Set(ids).size === ids.length, 'A take appears in a reel only once'),
)

/** How one shot meets the next in an export. */
export const REEL_TRANSITIONS = ['cut', 'crossfade'] as const
export const reelTransitionSchema = z.enum(REEL_TRANSITIONS)
export type ReelTransition = z.infer<typeof reelTransitionSchema>
/** A cross-fade overlaps the end of one shot with the start of the next by this long. */
export const CROSSFADE_SECONDS = 0.5
/** Every export runs at this frame rate, whatever its shots were rendered at. */
export const REEL_EXPORT_FPS = 24

/** A pixel size `WIDTHxHEIGHT`; only sizes the catalog knows are accepted (reelExportSizes). */
export const exportSizeSchema = z
  .string()
  .check(z.regex(/^\d{2,5}x\d{2,5}$/, 'A size is WIDTHxHEIGHT in pixels'))

/** The pixel sizes an export may use: every size of the catalog, as `WIDTHxHEIGHT`. */
export function reelExportSizes(models: readonly Pick<CatalogModel, 'sizes'>[]): string[] {
  const sizes = new Set<string>()
  for (const model of models) for (const s of model.sizes) sizes.add(`${s.width}x${s.height}`)
  return [...sizes]
}

/**
 * POST /api/reels: a name and the takes in order, or a group (its circled takes when the group
 * has verdicts, else its finished takes, in letter order).
 */
export const createReelRequestSchema = z
  .object({
    name: reelNameSchema,
    jobIds: z.optional(reelJobIdsSchema),
    group: z.optional(groupIdSchema),
  })
  .check(
    z.refine((body) => (body.jobIds === undefined) !== (body.group === undefined), {
      message: 'Give either the takes (jobIds) or a group',
      path: ['jobIds'],
    }),
  )
export type CreateReelRequest = z.input<typeof createReelRequestSchema>

export const renameReelRequestSchema = z.object({ name: reelNameSchema })
export type RenameReelRequest = z.infer<typeof renameReelRequestSchema>

/** PUT /api/reels/:id/shots: the reel's takes in their new order (the same takes, reordered). */
export const reorderReelRequestSchema = z.object({ jobIds: reelJobIdsSchema })
export type ReorderReelRequest = z.infer<typeof reorderReelRequestSchema>

/** POST /api/reels/:id/export: every choice has a default, so `{}` exports as the first shot is. */
export const exportReelRequestSchema = z.object({
  /** Default: the first shot's size. */
  size: z.optional(exportSizeSchema),
  transition: z._default(reelTransitionSchema, 'cut'),
  /** A card with the shot's number and prompt over its first seconds. */
  titleCards: z._default(z.boolean(), false),
})
export type ExportReelRequest = z.input<typeof exportReelRequestSchema>
export type ExportReelOptions = z.output<typeof exportReelRequestSchema>

export const REEL_EXPORT_STATUSES = ['rendering', 'completed', 'failed'] as const
export const reelExportStatusSchema = z.enum(REEL_EXPORT_STATUSES)
export type ReelExportStatus = z.infer<typeof reelExportStatusSchema>

/** The reel's latest export: a job of its own, polled for progress. */
export const reelExportSchema = z.object({
  status: reelExportStatusSchema,
  progress: z.number().check(z.gte(0), z.lte(100)),
  size: exportSizeSchema,
  transition: reelTransitionSchema,
  titleCards: z.boolean(),
  /** The takes it was made of, in order (the reel may have changed since). */
  jobIds: z.array(jobIdSchema),
  /** true when the reel's takes or their order changed after this export was started. */
  stale: z.boolean(),
  /** Length of the film, in seconds. */
  seconds: z.number().check(z.nonnegative()),
  error: z.nullable(z.object({ code: z.string(), message: z.string() })),
  startedAt: z.iso.datetime(),
  finishedAt: z.nullable(z.iso.datetime()),
  /** The MP4 (Range supported; `?download=1` names it after the reel), once completed. */
  video: z.nullable(z.string()),
})
export type ReelExport = z.infer<typeof reelExportSchema>

export const reelSchema = z.object({
  id: reelIdSchema,
  name: z.string(),
  /** The takes in play order; one deleted since is still listed here but missing from `takes`. */
  jobIds: z.array(jobIdSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  export: z.nullable(reelExportSchema),
})
export type Reel = z.infer<typeof reelSchema>

/** GET /api/reels/:id and every change: the reel with its takes that still exist, in order. */
export const reelDetailSchema = z.extend(reelSchema, { takes: z.array(jobSchema) })
export type ReelDetail = z.infer<typeof reelDetailSchema>

export const reelListSchema = z.object({ items: z.array(reelSchema) })
export type ReelList = z.infer<typeof reelListSchema>

/** GET /api/reels/:id/video: `download=1` names the file after the reel; `v` tells exports apart. */
export const reelVideoQuerySchema = z.object({
  download: z.optional(z.enum(['0', '1'])),
  v: z.optional(z.string().check(z.maxLength(40))),
})
