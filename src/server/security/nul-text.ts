import type { FastifyInstance } from 'fastify'
import { ApiError } from '../../contract/errors'

const NUL = '\u0000'

/**
 * Text a client sends may not hold U+0000: PostgreSQL's text type cannot store it (SQLite can),
 * and no prompt, name or note needs it. Refused alike on both back ends, before anything is
 * kept: query and path values and JSON or form bodies here, multipart fields as they are read
 * (refuseNul in routes/job-upload).
 */
export function refuseNulText(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      // Path and query values are decoded from the URL, where a NUL arrives as %00 (the HTTP
      // parser refuses a raw one): a URL without either holds none, and most requests (every
      // poll) have no body, so they are let through without walking anything.
      if (urlMayHoldNul(request.url)) {
        for (const source of [request.params, request.query]) {
          const field = fieldWithNul(source)
          if (field !== null) refuseNul(field, NUL)
        }
      }
      if (request.body !== undefined && request.body !== null) {
        const field = fieldWithNul(request.body)
        if (field !== null) refuseNul(field, NUL)
      }
      done()
    } catch (error) {
      done(error as Error)
    }
  })
}

const urlMayHoldNul = (url: string) => url.includes('%00') || url.includes(NUL)

/** Throws the 400 for a field whose value holds a NUL character. */
export function refuseNul(field: string, value: string): void {
  if (value.includes(NUL)) {
    throw new ApiError('invalid_request', `The field "${field}" contains a NUL character, which the studio cannot keep`, field)
  }
}

/** The top-level field of `value` (an object, array or string) that holds a NUL somewhere, or null. */
function fieldWithNul(value: unknown, field = ''): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? field : null
  if (typeof value !== 'object' || value === null) return null
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes(NUL)) return field || key
    const found = fieldWithNul(inner, field || key)
    if (found !== null) return found
  }
  return null
}
