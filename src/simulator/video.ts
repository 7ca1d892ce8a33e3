import { randomBytes } from 'node:crypto'
import { z } from '../lib/zod'
import { FAULT_NAMES } from './faults'

export const VIDEO_STATUSES = ['queued', 'in_progress', 'completed', 'failed', 'expired', 'cancelled'] as const
export type VideoStatus = (typeof VIDEO_STATUSES)[number]

/** Downloads stay available this long after completion, as on OpenAI. */
export const EXPIRY_SECONDS = 3600

const ID_PATTERN = /^(video_[0-9a-f]{16,64}|task_[A-Za-z0-9]{16,64})$/

/** Ids reach the file system, so only this exact shape is ever used to build a path. */
export function isVideoId(id: string): boolean {
  return ID_PATTERN.test(id)
}

/** OpenAI's `video_…` ids, or CometAPI's `task_…` for gateway-shaped models. */
export function newVideoId(gateway = false): string {
  if (gateway) return `task_${randomBytes(24).toString('base64url').replace(/[-_]/g, 'x')}`
  return `video_${randomBytes(24).toString('hex')}`
}

/** The words gateways use on this route (`[sim:gateway-status]`). */
const GATEWAY_WORDS: Record<VideoStatus, string> = {
  queued: 'NOT_START',
  in_progress: 'running',
  completed: 'SUCCESS',
  failed: 'FAILURE',
  expired: 'expired',
  cancelled: 'cancelled',
}

/** What the simulator keeps per job: the wire fields plus its own bookkeeping. */
export const videoRecordSchema = z.object({
  id: z.string().check(z.regex(ID_PATTERN)),
  /** Creation order, for stable listing within one second. */
  seq: z.int(),
  model: z.string(),
  /** What the reply's `model` says: the alias resolved to a backend id on gateway models. */
  resolved_model: z._default(z.nullable(z.string()), null),
  size: z.string(),
  seconds: z.string(),
  /** Answers in CometAPI's Veo shape (`seconds: ""`, DELETE cancels a running task). */
  gateway: z._default(z.boolean(), false),
  prompt: z.string(),
  status: z.enum(VIDEO_STATUSES),
  progress: z.int().check(z.gte(0), z.lte(100)),
  created_at: z.int(),
  completed_at: z.nullable(z.int()),
  expires_at: z.nullable(z.int()),
  remixed_from_video_id: z.nullable(z.string()),
  error: z.nullable(z.object({ code: z.string(), message: z.string() })),
  /** File name of the normalised reference image inside the job's media folder. */
  reference: z.nullable(z.string()),
  /** The last frame, for first + last frame renders. */
  last_reference: z._default(z.nullable(z.string()), null),
  faults: z.array(z.enum(FAULT_NAMES)),
  /** `[sim:lost]`: the provider forgot the job; every endpoint answers 404. */
  lost: z.boolean(),
})
export type VideoRecord = z.infer<typeof videoRecordSchema>

export interface VideoResource {
  id: string
  object: 'video'
  model: string
  status: string
  progress: number
  created_at: number
  completed_at: number | null
  expires_at: number | null
  prompt: string | null
  size: string
  seconds: string
  quality: 'standard'
  remixed_from_video_id: string | null
  error: { code: string; message: string } | null
}

export function toResource(r: VideoRecord): VideoResource {
  return {
    id: r.id,
    object: 'video',
    model: r.resolved_model ?? r.model,
    status: r.faults.includes('gateway-status') ? GATEWAY_WORDS[r.status] : r.status,
    progress: r.progress,
    created_at: r.created_at,
    completed_at: r.completed_at,
    expires_at: r.expires_at,
    prompt: r.prompt,
    size: r.size,
    seconds: r.gateway ? '' : r.seconds,
    quality: 'standard',
    remixed_from_video_id: r.remixed_from_video_id,
    error: r.error,
  }
}

export function isTerminal(r: VideoRecord): boolean {
  return r.status !== 'queued' && r.status !== 'in_progress'
}

export function unixNow(): number {
  return Math.floor(Date.now() / 1000)
}
