import { z } from 'zod/mini'

export const ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  /** What was there is gone for good: an expired review link. */
  'gone',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'upstream_error',
  'upstream_unavailable',
  'insufficient_storage',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** The one error shape every /api reply uses. `field` names the request field at fault. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.optional(z.string()),
  }),
})
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>

export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  upstream_error: 502,
  upstream_unavailable: 503,
  insufficient_storage: 507,
  internal: 500,
}

/** Codes a client adds for failures that never reach a JSON reply. */
export const CLIENT_ERROR_CODES = ['network_error', 'http_error', 'bad_response'] as const
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number]
export type ApiErrorCode = ErrorCode | ClientErrorCode

const isErrorCode = (code: string): code is ErrorCode =>
  (ERROR_CODES as readonly string[]).includes(code)

/**
 * An /api error, one class for both sides: the server throws it (its code picks the HTTP status)
 * and the web app receives it (with the status that came; 0 when no reply arrived).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** The request field at fault, for a form to put the message next to it. */
    readonly field?: string,
    /** Headers the reply carries with it (Retry-After…). */
    readonly headers: Record<string, string> = {},
    options?: ErrorOptions & { status?: number },
  ) {
    super(message, options)
    this.status = options?.status ?? (isErrorCode(code) ? ERROR_STATUS[code] : 0)
  }

  toEnvelope(): ErrorEnvelope {
    const field = this.field ? { field: this.field } : {}
    return { error: { code: this.code, message: this.message, ...field } }
  }
}

/**
 * The envelope's own error when `body` is one, checked by hand rather than by
 * `errorEnvelopeSchema`: this runs in the browser's first screen, which carries no zod parser
 * (decision 011).
 */
function envelopeError(body: unknown): ErrorEnvelope['error'] | null {
  const error =
    typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : null
  if (typeof error !== 'object' || error === null) return null
  const { code, message, field } = error as Record<string, unknown>
  if (typeof code !== 'string' || typeof message !== 'string') return null
  return typeof field === 'string' ? { code, message, field } : { code, message }
}

/** The error a failed /api reply stands for: the envelope's words when it sent one. */
export function apiErrorFromReply(status: number, body: unknown, statusText = ''): ApiError {
  const envelope = envelopeError(body)
  if (envelope && isErrorCode(envelope.code)) {
    const { code, message, field } = envelope
    return new ApiError(code, message, field, {}, { status })
  }
  const answered = `${status} ${statusText}`.trim()
  return new ApiError(
    'http_error',
    `The studio server answered ${answered}`,
    undefined,
    {},
    { status },
  )
}
