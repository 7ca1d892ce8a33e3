/** One request to the provider's API, relative to its base URL. */
export interface ProviderRequest {
  method: 'GET' | 'POST' | 'DELETE'
  /** e.g. `/videos/video_1/content`; ids are encoded by the caller. */
  path: string
  query?: Record<string, string | number | undefined>
  /** FormData goes as multipart (fetch writes the boundary), anything else as JSON. */
  body?: FormData | Record<string, unknown>
  /** What the reply should be: the API's JSON (default) or a file's bytes. */
  accept?: 'json' | 'file'
}

/** No reply came: the request could not be sent, or the reply's headers took too long. */
export class NoReply extends Error {
  override readonly name = 'NoReply'
  constructor(
    readonly reason: 'timeout' | 'network',
    cause?: unknown,
  ) {
    super(
      reason === 'timeout'
        ? 'the provider did not answer in time'
        : 'the request could not be sent',
      {
        cause,
      },
    )
  }
}

/** A reply outside 2xx, with what it said: errors.ts reads any body shape, HTML pages included. */
export class Refusal extends Error {
  override readonly name = 'Refusal'
  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly body: string,
  ) {
    super(`HTTP ${status}`)
  }
}

export interface TransportOptions {
  /** Without trailing slashes. */
  baseURL: string
  apiKey: string
  timeoutMs: number
  fetch?: typeof fetch
}

export type Exchange = <T>(
  request: ProviderRequest,
  signal: AbortSignal | undefined,
  read: (response: Response) => Promise<T>,
) => Promise<T>

/** Error bodies are kept for their message, never in full: a misconfigured URL may serve megabytes. */
const ERROR_BODY_LIMIT = 20_000

/**
 * Sends one request and reads its reply with `read`, never retrying. The timeout runs until `read`
 * returns: for JSON that is the whole body, for a download only the headers (the stream then flows
 * unhurried). A redirect is followed by fetch, which drops `Authorization` on the way to another
 * origin. Throws NoReply, Refusal, whatever `read` throws, or the caller's abort reason.
 */
export function createTransport(opts: TransportOptions): Exchange {
  // Looked up at each call, so that a fetch patched later (msw in tests) is the one used.
  const send = opts.fetch ?? ((input, init) => globalThis.fetch(input, init))
  return async (request, signal, read) => {
    const timer = new AbortController()
    const timeout = setTimeout(() => timer.abort(new NoReply('timeout')), opts.timeoutMs)
    const combined = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal
    try {
      let response: Response
      try {
        response = await send(urlOf(opts.baseURL, request), {
          method: request.method,
          headers: headersOf(request, opts.apiKey),
          body: bodyOf(request),
          signal: combined,
        })
      } catch (error) {
        throw new NoReply('network', error)
      }
      if (!response.ok) {
        const body = await response.text().catch(() => '')
        throw new Refusal(response.status, response.headers, body.slice(0, ERROR_BODY_LIMIT))
      }
      return await read(response)
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      if (timer.signal.aborted) throw new NoReply('timeout')
      throw error
    } finally {
      clearTimeout(timeout)
    }
  }
}

function urlOf(baseURL: string, request: ProviderRequest): string {
  const url = new URL(`${baseURL}${request.path}`)
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value))
  }
  return url.href
}

function headersOf(request: ProviderRequest, apiKey: string): Headers {
  const headers = new Headers({ authorization: `Bearer ${apiKey}` })
  headers.set('accept', request.accept === 'file' ? '*/*' : 'application/json')
  if (request.body && !(request.body instanceof FormData)) {
    headers.set('content-type', 'application/json')
  }
  return headers
}

function bodyOf(request: ProviderRequest): BodyInit | undefined {
  if (!request.body) return undefined
  return request.body instanceof FormData ? request.body : JSON.stringify(request.body)
}
