import { z } from 'zod/mini'
import { groupIdSchema, jobIdSchema } from './job'
import { verdictSchema } from './verdict-schema'

export { VERDICTS, VERDICT_LABELS, type Verdict, type VerdictValue } from './verdict'
export { verdictSchema, verdictValueSchema } from './verdict-schema'

/**
 * Review of takes: notes pinned to a time (or an in–out range) with marks drawn on the frame, and a
 * verdict per take. Server, viewer, reviewer page and export share these shapes and limits.
 */

export const NOTE_TEXT_MAX = 2000
export const NOTE_AUTHOR_MAX = 60
export const NOTES_PER_TAKE_MAX = 500
export const MARKS_PER_NOTE_MAX = 20
export const FREEHAND_POINTS_MAX = 400

/** The few colours a mark can take; the web maps each name to its own shade. */
export const MARK_COLOURS = ['red', 'yellow', 'green', 'blue', 'white'] as const
export const markColourSchema = z.enum(MARK_COLOURS, {
  error: `A mark colour is one of ${MARK_COLOURS.join(', ')}`,
})
export type MarkColour = z.infer<typeof markColourSchema>

/** A coordinate normalised to the frame: 0 is the left (top) edge, 1 the right (bottom) edge. */
const coordinateSchema = z
  .number()
  .check(z.gte(0, 'Marks stay on the frame (0–1)'), z.lte(1, 'Marks stay on the frame (0–1)'))
/** A width, height or radius as a fraction of the frame. */
const extentSchema = z
  .number()
  .check(z.gt(0, 'A shape has a size'), z.lte(1, 'A shape is at most the frame'))
export const pointSchema = z.tuple([coordinateSchema, coordinateSchema])
export type Point = z.infer<typeof pointSchema>

export const freehandMarkSchema = z.object({
  kind: z.literal('freehand'),
  colour: markColourSchema,
  points: z
    .array(pointSchema)
    .check(
      z.minLength(2, 'A stroke has at least two points'),
      z.maxLength(FREEHAND_POINTS_MAX, `A stroke has at most ${FREEHAND_POINTS_MAX} points`),
    ),
})
export const arrowMarkSchema = z.object({
  kind: z.literal('arrow'),
  colour: markColourSchema,
  from: pointSchema,
  to: pointSchema,
})
/** x, y: the top-left corner. */
export const rectMarkSchema = z
  .object({
    kind: z.literal('rect'),
    colour: markColourSchema,
    x: coordinateSchema,
    y: coordinateSchema,
    w: extentSchema,
    h: extentSchema,
  })
  .check(
    z.refine(
      (rect) => rect.x + rect.w <= 1 + 1e-9 && rect.y + rect.h <= 1 + 1e-9,
      'A rectangle stays on the frame',
    ),
  )
/** cx, cy: the centre; rx, ry: the radii (the ellipse may reach past the frame's edge). */
export const ellipseMarkSchema = z.object({
  kind: z.literal('ellipse'),
  colour: markColourSchema,
  cx: coordinateSchema,
  cy: coordinateSchema,
  rx: extentSchema,
  ry: extentSchema,
})
export const markSchema = z.discriminatedUnion(
  'kind',
  [freehandMarkSchema, arrowMarkSchema, rectMarkSchema, ellipseMarkSchema],
  {
    error: 'A mark is a freehand stroke, an arrow, a rect or an ellipse',
  },
)
export type Mark = z.infer<typeof markSchema>
export type MarkKind = Mark['kind']

export const noteIdSchema = z.string().check(z.regex(/^note_[A-Za-z0-9]{10,40}$/, 'Not a note id'))

/** Seconds into the take. Whether it is past the end depends on the take: see noteTimeIssue. */
const noteSecondsSchema = z
  .number({ error: 'A time is a number of seconds' })
  .check(z.gte(0, 'A time is not negative'))
const noteTextSchema = z
  .string()
  .check(
    z.trim(),
    z.maxLength(
      NOTE_TEXT_MAX,
      `A note is at most ${NOTE_TEXT_MAX.toLocaleString('en')} characters`,
    ),
  )
export const noteAuthorSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Say who is writing'),
    z.maxLength(NOTE_AUTHOR_MAX, `A name is at most ${NOTE_AUTHOR_MAX} characters`),
  )
const marksSchema = z
  .array(markSchema)
  .check(z.maxLength(MARKS_PER_NOTE_MAX, `A note has at most ${MARKS_PER_NOTE_MAX} marks`))

export const noteSchema = z.object({
  id: noteIdSchema,
  jobId: jobIdSchema,
  /** Seconds into the take where the note is pinned (the in point of a range). */
  at: z.number().check(z.gte(0)),
  /** The out point of an in–out range; null for a note on one frame. */
  until: z.nullable(z.number().check(z.gte(0))),
  text: z.string(),
  author: z.string(),
  marks: z.array(markSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /**
   * Whether whoever asked may edit or delete it: the owner every note; a reviewer only the notes
   * they wrote through their own link session.
   */
  editable: z.boolean(),
})
export type Note = z.infer<typeof noteSchema>

/** The notes of a take, in time order (then by when they were written). */
export const noteListSchema = z.object({ items: z.array(noteSchema) })
export type NoteList = z.infer<typeof noteListSchema>

const hasWords = (note: { text?: string | undefined; marks?: readonly Mark[] | undefined }) =>
  (note.text ?? '') !== '' || (note.marks ?? []).length > 0

/** POST /api/jobs/:id/notes. A note has text, marks or both. */
export const createNoteRequestSchema = z
  .object({
    at: noteSecondsSchema,
    until: z._default(z.nullable(noteSecondsSchema), null),
    text: z._default(noteTextSchema, ''),
    author: noteAuthorSchema,
    marks: z._default(marksSchema, []),
  })
  .check(z.refine(hasWords, { message: 'Write a note or draw a mark', path: ['text'] }))
export type CreateNoteRequest = z.input<typeof createNoteRequestSchema>
export type CreateNoteFields = z.output<typeof createNoteRequestSchema>

/** PATCH /api/jobs/:id/notes/:noteId: the fields to change (the author stays who wrote it). */
export const editNoteRequestSchema = z
  .strictObject({
    at: z.optional(noteSecondsSchema),
    until: z.optional(z.nullable(noteSecondsSchema)),
    text: z.optional(noteTextSchema),
    marks: z.optional(marksSchema),
  })
  .check(
    z.refine(
      (edit) => Object.values(edit).some((value) => value !== undefined),
      'Change at least one field',
    ),
  )
export type EditNoteRequest = z.input<typeof editNoteRequestSchema>
export type EditNoteFields = z.output<typeof editNoteRequestSchema>

/**
 * Why a note's time does not fit a take of `takeSeconds`, or null when it does: the one check of
 * "past the end" and "out before in", shared by the server and the note form.
 */
export function noteTimeIssue(
  takeSeconds: number,
  time: { at: number; until: number | null },
): { field: 'at' | 'until'; message: string } | null {
  if (time.at > takeSeconds) return { field: 'at', message: `The take is ${takeSeconds} s long` }
  if (time.until === null) return null
  if (time.until > takeSeconds)
    return { field: 'until', message: `The take is ${takeSeconds} s long` }
  if (time.until < time.at)
    return { field: 'until', message: 'The out point comes after the in point' }
  return null
}

/** PUT /api/jobs/:id/verdict; null clears it. The reply is the job. */
export const setVerdictRequestSchema = z.object({ verdict: verdictSchema })
export type SetVerdictRequest = z.infer<typeof setVerdictRequestSchema>

export const EXPORT_FORMATS = ['csv', 'md'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
/** How many takes one export may name with `job` (the gallery's selection). */
export const EXPORT_TAKES_MAX = 100

/**
 * GET /api/review/export: the notes, verdicts and prompts of some takes (`job`, repeated for a
 * selection), of one group, or of every circled take. The reply is a file to download.
 */
export const exportNotesQuerySchema = z
  .object({
    format: z.enum(EXPORT_FORMATS, { error: 'The format is csv or md' }),
    job: z.optional(
      z.pipe(
        z.union(
          [jobIdSchema, z.array(jobIdSchema).check(z.minLength(1), z.maxLength(EXPORT_TAKES_MAX))],
          {
            error: `Name up to ${EXPORT_TAKES_MAX} takes by their job ids`,
          },
        ),
        z.transform((job: string | string[]) => [...new Set([job].flat())]),
      ),
    ),
    group: z.optional(groupIdSchema),
    verdict: z.optional(z.literal('circled', { error: 'Only the circled takes export together' })),
  })
  .check(
    z.refine((query) => [query.job, query.group, query.verdict].filter(Boolean).length === 1, {
      message: 'Export some takes (job), one group (group) or the circled takes (verdict=circled)',
      path: ['job'],
    }),
  )
export type ExportNotesQuery = z.input<typeof exportNotesQuerySchema>
export type ExportNotesScope = z.output<typeof exportNotesQuerySchema>
