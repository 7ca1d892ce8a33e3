import type { z } from 'zod/mini'
import { ApiError, apiErrorFromReply } from '../../contract/errors'

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
  schema: z.ZodMiniType<T>,
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
    throw new ApiError('network_error', 'The studio server cannot be reached', undefined, {}, { cause })
  }
  const body = await readBody(response)
  if (!response.ok) throw apiErrorFromReply(response.status, body, response.statusText)
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw new ApiError('bad_response', `Unexpected reply from ${path}`, undefined, {}, {
      status: response.status,
      cause: parsed.error,
    })
  }
  return parsed.data
}
