import type { FastifyError, FastifyInstance } from 'fastify'
import { z } from '../../lib/zod'
import { ApiError } from '../../contract/errors'

// A handler may have set a media type before failing; the envelope is always JSON.
const JSON_TYPE = 'application/json; charset=utf-8'

/** Fastify's own 4xx codes, mapped onto the contract's error codes. */
function fromFastifyError(error: FastifyError): ApiError | null {
  const status = error.statusCode ?? 500
  if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
    return new ApiError('payload_too_large', 'The upload is too large')
  }
  if (status === 415) return new ApiError('unsupported_media_type', error.message)
  if (status === 429) return new ApiError('rate_limited', error.message)
  if (status >= 400 && status < 500) return new ApiError('invalid_request', error.message)
  return null
}

/** The one place a full disk becomes a reply: 507, what happened and what to do, nothing saved. */
function fromFullDisk(error: unknown): ApiError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code !== 'ENOSPC' && code !== 'EDQUOT') return null
  return new ApiError(
    'insufficient_storage',
    "The studio's disk is full, so nothing was saved. Free some space on the studio's machine and try again.",
  )
}

export function fromZodError(error: z.core.$ZodError): ApiError {
  const issue = error.issues[0]
  const field = issue?.path.map(String).join('.') || undefined
  return new ApiError('invalid_request', issue?.message ?? 'Invalid request', field)
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError | z.core.$ZodError, request, reply) => {
    const apiError =
      error instanceof ApiError
        ? error
        : error instanceof z.core.$ZodError
          ? fromZodError(error)
          : (fromFullDisk(error) ?? fromFastifyError(error))
    if (!apiError) {
      request.log.error({ err: error }, 'unhandled error')
      return reply
        .status(500)
        .type(JSON_TYPE)
        .send(new ApiError('internal', 'Something went wrong on the studio server').toEnvelope())
    }
    if (apiError.status >= 500) request.log.error({ err: error }, apiError.message)
    return reply.status(apiError.status).type(JSON_TYPE).headers(apiError.headers).send(apiError.toEnvelope())
  })
}
