import { looksLikeHtml } from './fault'
import { badReply, webPageError, type ProviderInfo } from './errors'

/**
 * Wraps fetch so that the raw body of every error reply stays readable. The SDK keeps only the
 * `error` member of an OpenAI-style envelope, so `{"detail": …}` or an HTML page would be lost;
 * the bodies are keyed by the reply's Headers object, which the SDK's APIError keeps.
 */
export function captureErrorBodies(base?: typeof fetch): {
  fetch: typeof fetch
  bodyOf: (headers: Headers) => string | undefined
} {
  const bodies = new WeakMap<Headers, string>()
  const send = base ?? ((input, init) => globalThis.fetch(input, init))
  const capturing: typeof fetch = async (input, init) => {
    const response = await send(input, init)
    if (!response.ok) {
      const body = await response
        .clone()
        .text()
        .catch(() => '')
      bodies.set(response.headers, body.slice(0, 20_000))
    }
    return response
  }
  return { fetch: capturing, bodyOf: (headers) => bodies.get(headers) }
}

export const requestIdOf = (response: Response): string | undefined =>
  response.headers.get('x-request-id') ?? undefined

/**
 * The JSON body of a successful reply, or a bad_response error saying what came instead.
 * Content-Type is not trusted either way: some gateways label JSON as text/plain.
 */
export async function readJson(response: Response, p: ProviderInfo): Promise<unknown> {
  const body = await response.text()
  const requestId = requestIdOf(response)
  if (looksLikeHtml(body, response.headers.get('content-type'))) {
    throw webPageError(p, response.status, requestId)
  }
  if (body.trim() === '') return null
  try {
    return JSON.parse(body)
  } catch {
    throw badReply(p, response.status, 'was not JSON', { requestId })
  }
}
