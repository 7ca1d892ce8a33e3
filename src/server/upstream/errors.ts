import { readFault, redact, refusedForContent, type ProviderFault } from './fault'
import { retryAfterMs } from './retry-after'
import { NoReply, Refusal } from './transport'
import { UpstreamError, type ContentVariant } from './types'

/** What a call was about, so that an error can say it in the user's terms. */
export interface CallContext {
  op: 'create' | 'retrieve' | 'remix' | 'download' | 'list' | 'delete' | 'models'
  videoId?: string
  model?: string
  variant?: ContentVariant
}

/** Facts about the configured provider that error messages mention. Never the key itself. */
export interface ProviderInfo {
  baseURL: string
  host: string
  /** The setting that holds the key, named in auth errors. */
  keyName: string
  timeoutMs: number
}

const MODEL_GONE =
  /model.*(does not exist|doesn't exist|not exist|not found|not available|unavailable|not supported|unsupported|retired|deprecated|no available channel|no access|not have access)|(invalid|unknown|unsupported) model|no available channel/i
const NOT_READY =
  /not (yet )?(completed|finished|ready)|still (processing|in[ _]progress|queued|pending|rendering)|must be completed|has not completed/i
const NOT_READY_CODES = ['video_not_ready', 'invalid_state', 'invalid_status']
const QUOTA = /insufficient_quota|quota|balance|credit|billing/i

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused — is it running?',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  ECONNRESET: 'connection dropped',
  UND_ERR_SOCKET: 'connection dropped',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
}

/** The first system error code (ECONNREFUSED…) found down an error's cause chain. */
function networkCode(error: unknown, depth = 0): string | null {
  if (depth > 6 || typeof error !== 'object' || error === null) return null
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown }
  if (typeof code === 'string' && code !== '') return code
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = networkCode(inner, depth + 1)
      if (found) return found
    }
  }
  return networkCode(cause, depth + 1)
}

function networkReason(error: unknown): string {
  const code = networkCode(error)
  if (!code) return 'network error'
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code))
    return 'its TLS certificate was not accepted'
  return NETWORK_REASONS[code] ?? code
}

const webPage = (p: ProviderInfo, status: number) =>
  `The provider answered with a web page instead of the API's JSON (HTTP ${status}) — check DAILIES_UPSTREAM_URL (now ${p.baseURL}).`

export const badReply = (p: ProviderInfo, status: number, what: string, details = {}) =>
  new UpstreamError('bad_response', `The provider's reply at ${p.host} ${what} (HTTP ${status}).`, {
    status,
    ...details,
  })

export const webPageError = (p: ProviderInfo, status: number, requestId?: string) =>
  new UpstreamError('bad_response', webPage(p, status), { status, requestId })

const notReady = (fault: ProviderFault) =>
  NOT_READY_CODES.includes(fault.code ?? '') || NOT_READY.test(fault.message ?? '')

function modelGone(fault: ProviderFault): boolean {
  if (fault.code === 'model_not_found' || fault.param === 'model') return true
  // A refusal about another field ("size … not supported by model …") is not about the model.
  if (fault.param) return false
  return MODEL_GONE.test(fault.message ?? '')
}

/** A 404 on POST /videos or GET /videos that names no field: no video API at this base URL. */
const noVideoApi = (fault: ProviderFault, status: number, ctx: CallContext) =>
  status === 404 && (ctx.op === 'create' || ctx.op === 'list') && !fault.param

function fromStatus(
  status: number,
  fault: ProviderFault,
  headers: Headers,
  ctx: CallContext,
  p: ProviderInfo,
): UpstreamError {
  const details = {
    status,
    ...(fault.code ? { code: fault.code } : {}),
    ...(fault.param ? { param: fault.param } : {}),
    ...(fault.requestId ? { requestId: fault.requestId } : {}),
  }
  const said = fault.message ? `: ${fault.message.trim()}` : ''
  /** Ends a sentence that may quote the provider, whose own words may already end in one. */
  const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`)
  const video = ctx.videoId ? `video ${ctx.videoId}` : 'this video'
  const retryable = status === 408 || status === 429 || status >= 500
  if (fault.html && !retryable)
    return new UpstreamError('bad_response', webPage(p, status), details)
  if (status >= 300 && status < 400) {
    const text = `The provider redirected (HTTP ${status}) instead of answering — check DAILIES_UPSTREAM_URL (now ${p.baseURL}).`
    return new UpstreamError('bad_response', text, details)
  }
  if (status !== 429 && status !== 401 && modelGone(fault)) {
    const text = `The provider does not offer ${ctx.model ?? 'this model'} (it may have been retired). Try another model or provider.`
    return new UpstreamError('model_unavailable', text, details)
  }
  if (noVideoApi(fault, status, ctx)) {
    const text = `The provider has no video API at ${p.baseURL}/videos (404): it may not offer Sora (or has retired it), or DAILIES_UPSTREAM_URL is wrong (it usually ends in /v1).`
    return new UpstreamError('model_unavailable', text, details)
  }
  if (
    status === 402 ||
    fault.code === 'insufficient_quota' ||
    (status === 403 && QUOTA.test(fault.message ?? ''))
  ) {
    const text = `${sentence(`The provider says the account has no credit or quota left (${status})${said}`)} Check billing with the provider.`
    return new UpstreamError('quota', text, details)
  }
  if (status === 401) {
    return new UpstreamError(
      'auth',
      `The provider refused the API key (401). Check ${p.keyName}.`,
      details,
    )
  }
  if (status === 403) {
    const text = `${sentence(`The provider refused this request for your API key (403)${said}`)} Check ${p.keyName} and the account's access.`
    return new UpstreamError('auth', text, details)
  }
  if (status === 404) {
    const text =
      ctx.op === 'download'
        ? `The provider has no ${ctx.variant ?? 'file'} for ${video} (it may have been deleted or has expired).`
        : `The provider does not know ${video} (it may have been deleted or has expired).`
    return new UpstreamError('not_found', text, details)
  }
  if (status === 409 || (status === 400 && notReady(fault))) {
    return new UpstreamError(
      'conflict',
      sentence(`The provider says ${video} is not ready for this${said}`),
      details,
    )
  }
  if (status === 429) {
    const wait = retryAfterMs(headers)
    // Only the facts: the studio's next step ("wait, then generate again") is said once, elsewhere.
    const after = wait === undefined ? '' : ` and asks to wait ${Math.ceil(wait / 1000)} s`
    const text = `The provider is rate-limiting requests (429)${after}.`
    return new UpstreamError('rate_limited', text, { ...details, retryAfterMs: wait })
  }
  if (status === 408 || status === 504 || status === 524) {
    return new UpstreamError(
      'unavailable',
      `The provider timed out (${status}). Try again later.`,
      details,
    )
  }
  if (status >= 500) {
    const wait = retryAfterMs(headers)
    const text = `${sentence(`The provider is having trouble (${status})${said}`)} Try again later.`
    return new UpstreamError('unavailable', text, { ...details, retryAfterMs: wait })
  }
  if (status === 413) {
    return new UpstreamError(
      'invalid',
      'The provider refused the upload as too large (413).',
      details,
    )
  }
  const field = fault.param ? ` (field: ${fault.param})` : ''
  const text = `The provider refused the request${said || ` (${status})`}${field}`
  const kind = refusedForContent(fault.code) ? 'moderation' : 'invalid'
  return new UpstreamError(kind, sentence(text), details)
}

/** A reply outside 2xx: its raw body read in whatever shape it came (envelope, `{detail}`, a page). */
function fromRefusal(refusal: Refusal, ctx: CallContext, p: ProviderInfo): UpstreamError {
  const { status, headers, body } = refusal
  const fault = readFault(body, headers.get('content-type'))
  const requestId = headers.get('x-request-id') ?? fault.requestId
  return fromStatus(status, { ...fault, requestId }, headers, ctx, p)
}

/** Turns anything a call threw into an UpstreamError with a message a person can act on. */
export function toUpstreamError(
  error: unknown,
  ctx: CallContext,
  p: ProviderInfo,
  apiKey: string,
): UpstreamError {
  // Refusals carry no cause: the provider's raw body may echo (part of) the key. Network errors
  // keep theirs (ECONNREFUSED… is worth logging).
  const clean = (e: UpstreamError, cause?: unknown) =>
    new UpstreamError(e.kind, redact(e.message, apiKey), {
      ...e.details,
      ...(cause ? { cause } : {}),
    })
  if (error instanceof UpstreamError) return error
  if (error instanceof Refusal) return clean(fromRefusal(error, ctx, p))
  if (error instanceof NoReply && error.reason === 'timeout') {
    const waited = p.timeoutMs < 1000 ? `${p.timeoutMs} ms` : `${Math.round(p.timeoutMs / 1000)} s`
    const text = `The provider at ${p.host} did not answer within ${waited}. Try again later.`
    return clean(new UpstreamError('unavailable', text))
  }
  if (error instanceof NoReply) {
    const text = `Could not reach the provider at ${p.host} (${networkReason(error.cause)}). Check DAILIES_UPSTREAM_URL and the network.`
    return clean(new UpstreamError('unavailable', text), error.cause)
  }
  const message = error instanceof Error ? error.message : String(error)
  if (/terminated|socket|ECONNRESET|network/i.test(message) || networkCode(error)) {
    const text = `The connection to the provider at ${p.host} broke off (${networkReason(error)}). Try again later.`
    return clean(new UpstreamError('unavailable', text), error)
  }
  return clean(
    new UpstreamError('bad_response', `The provider's reply at ${p.host} could not be read.`),
    error,
  )
}
