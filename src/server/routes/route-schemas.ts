import type { FastifySchema } from 'fastify'
import { z } from '../../lib/zod'
import {
  authorListSchema,
  createJobFieldsSchema,
  frameQuerySchema,
  healthSchema,
  jobListSchema,
  listJobsQuerySchema,
  mediaQuerySchema,
  remixRequestSchema,
  spendQuerySchema,
  spendSchema,
} from '../../contract/api'
import { capabilitiesSchema } from '../../contract/capabilities'
import { errorEnvelopeSchema } from '../../contract/errors'
import { jobSchema } from '../../contract/job'
import {
  createReelRequestSchema,
  exportReelRequestSchema,
  reelDetailSchema,
  reelListSchema,
  reelVideoQuerySchema,
  renameReelRequestSchema,
  reorderReelRequestSchema,
} from '../../contract/reels'
import {
  createNoteRequestSchema,
  editNoteRequestSchema,
  exportNotesQuerySchema,
  noteListSchema,
  noteSchema,
  setVerdictRequestSchema,
} from '../../contract/review'
import {
  createdReviewLinkSchema,
  createReviewRequestSchema,
  reviewerViewSchema,
  reviewLinkListSchema,
  setReviewerRequestSchema,
} from '../../contract/links'
import { sessionInfoSchema } from '../../contract/session'

/**
 * Every /api route's schema, from the zod contract: Fastify validates requests with them (a
 * ZodError becomes the 400 envelope in error-handler.ts), the reply serialiser writes JSON replies
 * with them (serializer.ts), and /api/openapi.json is generated from them (api-docs.ts).
 */

/** The multipart body of POST /api/jobs, for the documentation: job-upload.ts reads the stream. */
export const createJobBody = z.extend(createJobFieldsSchema, {
  input_reference: z
    .optional(z.file())
    .check(z.describe('The first frame: a PNG, JPEG or WebP, fitted to the size (`fit`). Send files last.')),
  last_frame: z
    .optional(z.file())
    .check(z.describe('The last frame, where the provider supports one: as input_reference.')),
})

// An unknown or malformed id is a 404 like any job that does not exist (parseJobId), not a 400.
const jobParams = z.object({ id: z.string().check(z.describe('A job id (`job_…`)')) })
const errors = { '4xx': errorEnvelopeSchema, '5xx': errorEnvelopeSchema }
const noContent = { 204: z.null().check(z.describe('Done; no body')) }

/** A reply of bytes (a Buffer or a file stream), documented as binary of its media type. */
const bytes = z.any().check(z.meta({ type: 'string', format: 'binary' }))
const binary = (type: string, description: string) => ({ description, content: { [type]: { schema: bytes } } })

const noteParams = z.extend(jobParams, { noteId: z.string().check(z.describe('A note id (`note_…`) of this take')) })
const text = z.string().check(z.meta({ type: 'string' }))

export const ROUTE_SCHEMAS = {
  health: {
    tags: ['studio'],
    summary: 'Whether the studio is up (its database and media storage answer), and which provider renders',
    description: 'Open without the token. 503, with the same body, when the database or the storage does not answer.',
    response: { 200: healthSchema, 503: healthSchema, ...errors },
  },
  capabilities: {
    tags: ['studio'],
    summary: 'The models with their sizes, lengths and prices; the upload limits',
    response: { 200: capabilitiesSchema, ...errors },
  },
  session: {
    tags: ['session'],
    summary: 'Whether the studio asks for a token, and the latest sign-ins',
    response: { 200: sessionInfoSchema, ...errors },
  },
  signOut: {
    tags: ['session'],
    summary: "End this browser's session",
    response: { ...noContent, ...errors },
  },
  signOutEverywhere: {
    tags: ['session'],
    summary: 'End every session',
    response: { ...noContent, ...errors },
  },
  listJobs: {
    tags: ['jobs'],
    summary: 'Jobs, newest first, a page at a time (follow nextCursor)',
    querystring: listJobsQuerySchema,
    response: { 200: jobListSchema, ...errors },
  },
  getJob: {
    tags: ['jobs'],
    summary: 'One job',
    params: jobParams,
    response: { 200: jobSchema, ...errors },
  },
  createJob: {
    tags: ['jobs'],
    summary: 'Start a render (sent to the provider once; a refusal is kept as a failed job)',
    consumes: ['multipart/form-data'],
    body: createJobBody,
    response: { 201: jobSchema, ...errors },
  },
  remixJob: {
    tags: ['jobs'],
    summary: 'Remix a finished take with a new prompt',
    params: jobParams,
    body: remixRequestSchema,
    response: { 201: jobSchema, ...errors },
  },
  retryJob: {
    tags: ['jobs'],
    summary: 'Render a job again with the same settings, as a new job',
    params: jobParams,
    response: { 201: jobSchema, ...errors },
  },
  cancelJob: {
    tags: ['jobs'],
    summary: 'Cancel a job that is still rendering',
    params: jobParams,
    response: { 200: jobSchema, ...errors },
  },
  deleteJob: {
    tags: ['jobs'],
    summary: 'Delete a job and its files (undo with restore during the grace period)',
    params: jobParams,
    response: { ...noContent, ...errors },
  },
  restoreJob: {
    tags: ['jobs'],
    summary: 'Bring back a job deleted moments ago',
    params: jobParams,
    response: { 200: jobSchema, ...errors },
  },
  frame: {
    tags: ['media'],
    summary: 'One frame of a finished take as PNG at its size; by default the last',
    params: jobParams,
    querystring: frameQuerySchema,
    response: { 200: binary('image/png', 'The frame'), ...errors },
  },
  media: {
    tags: ['media'],
    summary: "A take's file, with Range, ETag and long caching",
    params: z.extend(jobParams, {
      asset: z.string().check(z.describe('`video` (MP4), `thumbnail` (WebP), `still` (the thumbnail at tile size, WebP), `spritesheet` (JPEG), `reference` or `last-frame` (PNG)')),
    }),
    querystring: mediaQuerySchema,
    response: {
      200: binary('application/octet-stream', 'The file (its own media type)'),
      206: binary('application/octet-stream', 'The range asked for'),
      ...errors,
    },
  },
  authors: {
    tags: ['jobs'],
    summary: 'Everyone who started a take still in the studio (the `author` filter of the job list)',
    response: { 200: authorListSchema, ...errors },
  },
  spend: {
    tags: ['jobs'],
    summary: 'What the takes started since an instant cost (the header’s spend today), added up over every take',
    description:
      'Deleted takes are left out; refused and cancelled takes cost nothing; takes of a model without a published price count in `unknownCostTakes` at $0.',
    querystring: spendQuerySchema,
    response: { 200: spendSchema, ...errors },
  },
  metrics: {
    tags: ['studio'],
    summary: 'Operational metrics in Prometheus text format: jobs by state, provider latency and errors, polls, lease takeovers',
    response: { 200: { description: 'Prometheus exposition format 0.0.4', content: { 'text/plain': { schema: z.string() } } }, ...errors },
  },
  ...reelSchemas(),
  listNotes: {
    tags: ['review'],
    summary: "A take's notes, in time order",
    params: jobParams,
    response: { 200: noteListSchema, ...errors },
  },
  createNote: {
    tags: ['review'],
    summary: 'Pin a note (text and marks drawn on the frame) to a time or an in–out range of a finished take',
    params: jobParams,
    body: createNoteRequestSchema,
    response: { 201: noteSchema, ...errors },
  },
  editNote: {
    tags: ['review'],
    summary: "Change a note's time, text or marks",
    params: noteParams,
    body: editNoteRequestSchema,
    response: { 200: noteSchema, ...errors },
  },
  deleteNote: {
    tags: ['review'],
    summary: 'Delete a note',
    params: noteParams,
    response: { ...noContent, ...errors },
  },
  setVerdict: {
    tags: ['review'],
    summary: 'Circle a finished take, hold it or mark it no good (null clears the verdict)',
    params: jobParams,
    body: setVerdictRequestSchema,
    response: { 200: jobSchema, ...errors },
  },
  exportNotes: {
    tags: ['review'],
    summary: 'The notes, verdicts and prompts of some takes, a group or the circled takes, as CSV or Markdown',
    querystring: exportNotesQuerySchema,
    response: {
      200: {
        description: 'A file to download (Content-Disposition names it), timecodes at each take’s frame rate',
        content: { 'text/csv': { schema: text }, 'text/markdown': { schema: text } },
      },
      ...errors,
    },
  },
  createReview: {
    tags: ['review links'],
    summary: 'Share a reel or some takes for review: the link (`path`) is shown only in this reply',
    body: createReviewRequestSchema,
    response: { 201: createdReviewLinkSchema, ...errors },
  },
  listReviews: {
    tags: ['review links'],
    summary: 'The review links, newest first, with their state and last use (never their token)',
    response: { 200: reviewLinkListSchema, ...errors },
  },
  revokeReview: {
    tags: ['review links'],
    summary: 'Revoke a review link: its reviewers are refused from then on',
    params: z.object({ id: z.string().check(z.describe('A review link id (`rl_…`)')) }),
    response: { ...noContent, ...errors },
  },
  reviewerView: {
    tags: ['review links'],
    summary: 'For a reviewer (as /r/api/review-link): what the review link in use shares',
    response: { 200: reviewerViewSchema, ...errors },
  },
  nameReviewer: {
    tags: ['review links'],
    summary: 'For a reviewer (as /r/api/review-link/reviewer): the name their notes carry',
    body: setReviewerRequestSchema,
    response: { ...noContent, ...errors },
  },
} satisfies Record<string, FastifySchema>

function reelSchemas() {
  // Like a job id, an unknown or malformed reel id is a 404 (parseReelId), not a 400.
  const reelParams = z.object({ id: z.string().check(z.describe('A reel id (`reel_…`)')) })
  const detail = { 200: reelDetailSchema, ...errors }
  return {
    listReels: {
      tags: ['reels'],
      summary: 'Every reel, newest first',
      response: { 200: reelListSchema, ...errors },
    },
    createReel: {
      tags: ['reels'],
      summary: "A new reel of these takes in order, or of a group's circled (else finished) takes",
      body: createReelRequestSchema,
      response: { 201: reelDetailSchema, ...errors },
    },
    getReel: { tags: ['reels'], summary: 'One reel with its takes, in order', params: reelParams, response: detail },
    renameReel: {
      tags: ['reels'],
      summary: 'Rename a reel',
      params: reelParams,
      body: renameReelRequestSchema,
      response: detail,
    },
    reorderReel: {
      tags: ['reels'],
      summary: "Put the reel's takes in a new order (the same takes, each once)",
      params: reelParams,
      body: reorderReelRequestSchema,
      response: detail,
    },
    removeReelShot: {
      tags: ['reels'],
      summary: 'Take one take out of the reel (the take itself stays)',
      params: z.extend(reelParams, { jobId: z.string().check(z.describe('The take to remove (`job_…`)')) }),
      response: detail,
    },
    deleteReel: {
      tags: ['reels'],
      summary: 'Delete a reel and its exported film (its takes stay)',
      params: reelParams,
      response: { ...noContent, ...errors },
    },
    exportReel: {
      tags: ['reels'],
      summary: 'Start exporting the reel as one MP4; poll the reel for its progress',
      params: reelParams,
      body: exportReelRequestSchema,
      response: { 202: reelDetailSchema, ...errors },
    },
    reelVideo: {
      tags: ['reels'],
      summary: "The reel's exported film (MP4), with Range, ETag and long caching",
      params: reelParams,
      querystring: reelVideoQuerySchema,
      response: {
        200: binary('video/mp4', 'The film'),
        206: binary('video/mp4', 'The range asked for'),
        ...errors,
      },
    },
  } satisfies Record<string, FastifySchema>
}
