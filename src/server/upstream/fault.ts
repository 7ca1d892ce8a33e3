/**
 * What a provider said when it refused a request, read from whatever body it sent: OpenAI's
 * envelope `{error:{message,type,param,code}}`, CometAPI's (same keys, a request id inside the
 * message), or the shapes looser gateways use (`{error:"…"}`, `{message,code}`, `{detail}`).
 */
export interface ProviderFault {
  message: string | null
  code: string | null
  param: string | null
  type: string | null
  requestId: string | null
  /** The body was a web page, not the API's JSON. */
  html: boolean
}

const REQUEST_ID_IN_MESSAGE =
  /\s*[([]?\s*request[ _-]?id\s*[:=]?\s*([A-Za-z0-9][\w.-]{5,})\s*[)\]]?/i

const text = (value: unknown): string | null => {
  if (typeof value === 'number') return String(value)
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// Providers' words for refusing what a prompt asks for: moderation_blocked, content_policy_violation…
const ABOUT_THE_CONTENT = /moderation|content_policy|safety|blocked/i

/** Whether the provider refused (or failed) a video over what its prompt or reference shows. */
export function refusedForContent(code: string | null | undefined): boolean {
  return ABOUT_THE_CONTENT.test(code ?? '')
}

export function looksLikeHtml(body: string, contentType: string | null): boolean {
  return /html/i.test(contentType ?? '') || /^\s*</.test(body)
}

/** Splits "… (request id: 2025…)" into the message and the id. */
export function splitRequestId(message: string | null): {
  message: string | null
  requestId: string | null
} {
  if (!message) return { message, requestId: null }
  const match = REQUEST_ID_IN_MESSAGE.exec(message)
  if (!match?.[1]) return { message, requestId: null }
  const rest = (message.slice(0, match.index) + message.slice(match.index + match[0].length)).trim()
  return { message: rest === '' ? null : rest, requestId: match[1] }
}

function fromJson(json: unknown): Omit<ProviderFault, 'requestId' | 'html'> {
  const none = { message: null, code: null, param: null, type: null }
  if (!isRecord(json)) return { ...none, message: text(json) }
  const inner = json.error
  const source = isRecord(inner) ? inner : json
  return {
    message:
      text(source.message) ??
      (typeof inner === 'string' ? text(inner) : null) ??
      text(json.detail) ??
      text(json.msg),
    code: text(source.code),
    param: text(source.param),
    type: text(source.type),
  }
}

export function readFault(body: string | undefined, contentType: string | null): ProviderFault {
  const raw = body ?? ''
  if (raw.trim() === '') {
    return { message: null, code: null, param: null, type: null, requestId: null, html: false }
  }
  if (looksLikeHtml(raw, contentType)) {
    return { message: null, code: null, param: null, type: null, requestId: null, html: true }
  }
  let parsed: Omit<ProviderFault, 'requestId' | 'html'>
  try {
    parsed = fromJson(JSON.parse(raw))
  } catch {
    parsed = { message: text(raw.slice(0, 500)), code: null, param: null, type: null }
  }
  const { message, requestId } = splitRequestId(parsed.message)
  return { ...parsed, message, requestId, html: false }
}

/** Keeps secrets out of anything shown or logged: the key itself and anything key-shaped. */
export function redact(message: string, apiKey: string): string {
  let out = message
  if (apiKey.length >= 4) out = out.split(apiKey).join('[redacted]')
  return out
    .replace(/Bearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/\bsk-[\w*.-]{4,}/g, '[redacted key]')
}
