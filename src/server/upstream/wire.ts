import { z } from '../../lib/zod'
import type { JobError } from '../../contract/job'
import { refusedForContent } from './fault'
import type { UpstreamVideo, VideoPage } from './types'

/**
 * The provider's wire format, parsed tolerantly: every field but `id` may be missing or null
 * (CometAPI's create reply carries only a subset), unknown fields pass through unread, and
 * numbers may arrive as strings. Only this file knows the provider's field names.
 */

const nullish = <T extends z.ZodMiniType>(schema: T) => z.catch(z.nullish(schema), null)

/** A number, or a numeric string ("8", "45.5"); anything else reads as null. */
const looseNumber = z
  .pipe(
    z.union([z.number(), z.string().check(z.trim(), z.regex(/^-?\d+(\.\d+)?%?$/))]),
    z.transform((value: number | string) => (typeof value === 'number' ? value : Number.parseFloat(value))),
  )
  .check(z.refine(Number.isFinite))

/** Unix seconds per the spec; tolerate milliseconds and ISO strings from looser gateways. */
const timestamp = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((value: number | string): Date | null => {
    if (typeof value === 'number') return new Date(value > 1e12 ? value : value * 1000)
    if (/^\d+$/.test(value.trim())) {
      const n = Number(value)
      return new Date(n > 1e12 ? n : n * 1000)
    }
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? null : date
  }),
)

const wireError = z.union([
  z.object({ code: nullish(z.union([z.string(), z.number()])), message: nullish(z.string()) }),
  z.string(),
])

export const wireVideo = z.object({
  id: z.string().check(z.minLength(1)),
  status: nullish(z.string()),
  progress: nullish(looseNumber),
  model: nullish(z.string()),
  size: nullish(z.string()),
  seconds: nullish(looseNumber),
  prompt: nullish(z.string()),
  created_at: nullish(timestamp),
  completed_at: nullish(timestamp),
  expires_at: nullish(timestamp),
  remixed_from_video_id: nullish(z.string()),
  error: nullish(wireError),
})
export type WireVideo = z.infer<typeof wireVideo>

export const wireVideoList = z.object({
  data: z.array(z.unknown()),
  first_id: nullish(z.string()),
  last_id: nullish(z.string()),
  has_more: nullish(z.boolean()),
})

export const wireDeleted = z.object({ deleted: nullish(z.boolean()) })

export const wireModelList = z.object({
  data: z.pipe(
    z.array(z.unknown()),
    z.transform((items: unknown[]) =>
      items.flatMap((item) => {
        const id = (item as { id?: unknown } | null)?.id
        return typeof id === 'string' && id !== '' ? [id] : []
      }),
    ),
  ),
})

type Status = UpstreamVideo['status'] | 'expired'

/**
 * The spec's four statuses plus every gateway spelling we know (case-insensitive): CometAPI's
 * `NOT_START` / `SUCCESS` / `FAILURE`, `running`, `expired`, `cancelled`… An unknown word reads as
 * `in_progress` (the job keeps being polled) unless the reply carries an error, which makes it
 * `failed`; `known: false` lets the caller log the surprise.
 */
export const STATUS_WORDS: Record<string, Status> = {
  queued: 'queued',
  pending: 'queued',
  submitted: 'queued',
  created: 'queued',
  waiting: 'queued',
  not_start: 'queued',
  not_started: 'queued',
  in_queue: 'queued',
  in_progress: 'in_progress',
  processing: 'in_progress',
  running: 'in_progress',
  generating: 'in_progress',
  started: 'in_progress',
  completed: 'completed',
  complete: 'completed',
  succeeded: 'completed',
  success: 'completed',
  done: 'completed',
  failed: 'failed',
  failure: 'failed',
  error: 'failed',
  expired: 'expired',
  cancelled: 'cancelled',
  canceled: 'cancelled',
}

export function mapStatus(
  word: string | null | undefined,
  hasError: boolean,
): { status: Status; known: boolean } {
  const key = (word ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  const status = STATUS_WORDS[key]
  if (status) return { status, known: true }
  return { status: hasError ? 'failed' : key === '' ? 'queued' : 'in_progress', known: false }
}

/** What a job says when the provider discarded its video before the studio had it. */
export const EXPIRED_UPSTREAM: JobError = {
  code: 'expired',
  kind: 'studio',
  message: 'The provider discarded this video (it expired) before it was finished or saved. Retry to render it again.',
}

function toError(error: WireVideo['error'], status: Status): UpstreamVideo['error'] {
  if (error == null) return null
  const parts = typeof error === 'string' ? { code: null, message: error } : error
  if (parts.code == null && !parts.message) return null
  const code = parts.code == null || parts.code === '' ? 'failed' : String(parts.code)
  const fallback =
    status === 'failed'
      ? 'The provider could not render this take.'
      : 'The provider reported a problem.'
  const kind = refusedForContent(code) ? 'moderation' : 'render_failed'
  return { code, kind, message: parts.message || fallback }
}

/** The studio's video from the wire's; `unknownStatus` carries a status word we had to guess at. */
export function toUpstreamVideo(wire: WireVideo): UpstreamVideo {
  const mapped = mapStatus(wire.status, toError(wire.error, 'failed') !== null)
  const expired = mapped.status === 'expired'
  const status = mapped.status === 'expired' ? 'failed' : mapped.status
  const progress = wire.progress ?? 0
  return {
    id: wire.id,
    status,
    unknownStatus: mapped.known ? null : (wire.status ?? null),
    progress: status === 'completed' ? 100 : Math.round(Math.min(100, Math.max(0, progress))),
    model: wire.model || null,
    size: wire.size ?? null,
    seconds: wire.seconds ?? null,
    prompt: wire.prompt ?? null,
    createdAt: wire.created_at ?? null,
    completedAt: wire.completed_at ?? null,
    expiresAt: wire.expires_at ?? null,
    remixedFromId: wire.remixed_from_video_id ?? null,
    error: expired ? EXPIRED_UPSTREAM : toError(wire.error, status),
  }
}

export function toVideoPage(
  wire: z.infer<typeof wireVideoList>,
  videos: UpstreamVideo[],
): VideoPage {
  return {
    data: videos,
    firstId: wire.first_id ?? videos[0]?.id ?? null,
    lastId: wire.last_id ?? videos.at(-1)?.id ?? null,
    hasMore: wire.has_more ?? false,
  }
}
