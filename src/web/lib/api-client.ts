import { ApiError, apiErrorFromReply } from '../../contract/errors'

/** The reply's JSON, its text when it is not JSON (a proxy's HTML page, say), or null when empty. */
export function parseBody(text: string): unknown {
  if (!text) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/**
 * What a successful reply holds, typed as the contract says it is. The browser does not check
 * the shape again (decision 011): the server writes every reply through a serializer compiled
 * from the same contract schema, from the same build as this page. What it does refuse is a
 * reply that is not JSON at all, which is what a proxy or a captive portal answers instead.
 */
export function contractReply<T>(path: string, status: number, body: unknown): T {
  if (typeof body === 'string') {
    throw new ApiError('bad_response', `Unexpected reply from ${path}`, undefined, {}, { status })
  }
  return body as T
}

/**
 * Fetches an /api path: its reply as the contract's type `T`, or an ApiError (the server's
 * error envelope, an unreachable server, or a reply that is not JSON).
 */
export async function apiRequest<T>(path: string, init?: RequestInit): Promise<T> {
  // Resolved against the document so the same code runs in the browser and under jsdom.
  const url = new URL(path, document.baseURI)
  let response: Response
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: 'application/json', ...init?.headers },
    })
  } catch (cause) {
    if (init?.signal?.aborted) throw cause
    throw new ApiError(
      'network_error',
      'The studio server cannot be reached',
      undefined,
      {},
      { cause },
    )
  }
  const body = parseBody(await response.text())
  if (!response.ok) throw apiErrorFromReply(response.status, body, response.statusText)
  return contractReply<T>(path, response.status, body)
}
