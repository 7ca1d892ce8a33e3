import type { Readable } from 'node:stream'
import type { JobError } from '../../contract/job'

/** The provider's video, in the studio's words. Only server/upstream/ knows the wire format. */
export interface UpstreamVideo {
  id: string
  status: 'queued' | 'in_progress' | 'completed' | 'failed' | 'cancelled'
  /** The provider's status word when the studio did not know it (read as in progress). */
  unknownStatus: string | null
  /** 0–100; providers report it coarsely or not at all. */
  progress: number
  model: string | null
  size: string | null
  seconds?: number | null
  prompt: string | null
  createdAt: Date | null
  completedAt: Date | null
  expiresAt: Date | null
  remixedFromId: string | null
  error: JobError | null
}

export type ContentVariant = 'video' | 'thumbnail' | 'spritesheet'

export interface CreateVideoInput {
  prompt: string
  model: string
  size: string
  /** Left out for a model whose duration is fixed: such providers refuse or ignore it. */
  seconds?: number | null
  /** In order: the first frame (or the one image), then the last frame. */
  references?: Array<{ bytes: Buffer; filename: string; contentType: string }>
}

export interface VideoContent {
  body: Readable
  contentType: string | null
  /** From Content-Length when the provider sends it; the vault checks the copy against it. */
  contentLength: number | null
}

export interface VideoPage {
  data: UpstreamVideo[]
  firstId: string | null
  lastId: string | null
  hasMore: boolean
}

export interface Upstream {
  /** Sent exactly once: a retried create can start (and bill) a second job. */
  create(input: CreateVideoInput, signal?: AbortSignal): Promise<UpstreamVideo>
  retrieve(id: string, signal?: AbortSignal): Promise<UpstreamVideo>
  remix(id: string, prompt: string, signal?: AbortSignal): Promise<UpstreamVideo>
  download(id: string, variant: ContentVariant, signal?: AbortSignal): Promise<VideoContent>
  list(
    params: { after?: string; limit?: number; order?: 'asc' | 'desc' },
    signal?: AbortSignal,
  ): Promise<VideoPage>
  delete(id: string, signal?: AbortSignal): Promise<void>
  /** The model ids of GET /models, or null when the provider has no such endpoint. */
  listModels(signal?: AbortSignal): Promise<string[] | null>
}

/**
 * What went wrong upstream, sorted by what the studio can do about it.
 * - auth: the key is wrong or lacks access — fix configuration.
 * - quota: the account has no credit or quota left — top it up.
 * - moderation: the provider refused what the prompt (or its reference) asks for — reword it.
 * - invalid: the provider refused a field of this request — change the input.
 * - model_unavailable: the provider does not serve this model (Sora retired, gateway without it).
 * - not_found: the provider does not know this video (lost, deleted, expired).
 * - conflict: the video is not in a state for this (content of an unfinished video…).
 * - rate_limited: slow down; `retryAfterMs` when the provider said.
 * - unavailable: 5xx, network trouble, timeouts — try again later.
 * - bad_response: the reply was not what the API promises (HTML instead of JSON, unparsable).
 */
export type UpstreamErrorKind =
  | 'auth'
  | 'quota'
  | 'moderation'
  | 'invalid'
  | 'model_unavailable'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'
  | 'bad_response'

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError'
  constructor(
    readonly kind: UpstreamErrorKind,
    message: string,
    readonly details: {
      status?: number
      /** The provider's own error code, e.g. `moderation_blocked`, when it gave one. */
      code?: string
      param?: string
      requestId?: string
      retryAfterMs?: number
      cause?: unknown
    } = {},
  ) {
    super(message, { cause: details.cause })
  }

  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable'
  }
}
