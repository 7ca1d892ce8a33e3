import type { z } from 'zod'
import { errorEnvelopeSchema } from '../../contract/errors'

/**
 * Codes the browser adds to the contract's own (src/contract/errors.ts) for failures that
 * never reach a JSON reply: the server is unreachable, or answers something unexpected.
 */
export type ClientErrorCode = 'network_error' | 'http_error' | 'bad_response'

/** An /api failure as the UI shows it: the server's words when it sent the error envelope. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    /** HTTP status; 0 when no reply arrived. */
    readonly status: number,
    readonly code: string,
    message: string,
    /** The request field at fault, for a form to put the message next to it. */
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/**
 * Fetches an /api path and parses the reply with its contract schema, so a component only
 * ever sees data the contract promises, or an ApiError.
 */
export async function apiRequest<T>(
  path: string,
  schema: z.ZodType<T>,
  init?: RequestInit,
): Promise<T> {
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
    throw new ApiError(0, 'network_error', 'The studio server cannot be reached', undefined, {
      cause,
    })
  }
  const body = await readBody(response)
  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(body)
    if (envelope.success) {
      const { code, message, field } = envelope.data.error
      throw new ApiError(response.status, code, message, field)
    }
    const statusText = `${response.status} ${response.statusText}`.trim()
    throw new ApiError(response.status, 'http_error', `The studio server answered ${statusText}`)
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'bad_response',
      `Unexpected reply from ${path}`,
      undefined,
      {
        cause: parsed.error,
      },
    )
  }
  return parsed.data
}
