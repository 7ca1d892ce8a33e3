import type { FastifySchemaCompiler } from 'fastify'
import type { z } from '../../lib/zod'
import { createJobBody } from './route-schemas'

/** A zod schema that accepts every string and checks nothing (it may carry a description). */
const isAnyString = (schema: z.core.$ZodType) =>
  schema._zod.def.type === 'string' &&
  (schema._zod.def.checks ?? []).every((check) => check._zod.def.check === 'describe')

/**
 * Path parameters are strings by construction: a params schema of plain strings only documents
 * them, and the route reads its ids itself (an unknown or malformed one is a 404, parseJobId).
 * Checked once, when the route is compiled, so a param given a real check later is validated.
 */
const documentsOnly = (schema: z.ZodMiniType, httpPart: string | undefined) =>
  httpPart === 'params' &&
  schema._zod.def.type === 'object' &&
  Object.values((schema as z.ZodMiniObject)._zod.def.shape).every(isAnyString)

/** Validates a request part with its zod schema; the ZodError itself reaches the error handler. */
export const validateWithZod: FastifySchemaCompiler<z.ZodMiniType> = ({ schema, httpPart }) => {
  // The multipart body streams through job-upload.ts, which checks each field as it reads it.
  if (schema === createJobBody || documentsOnly(schema, httpPart)) return (data: unknown) => ({ value: data })
  return (data) => {
    // A POST with no body is an empty one, so the error names the field that is missing.
    const result = schema.safeParse(httpPart === 'body' && data == null ? {} : data)
    return result.success ? { value: result.data } : { error: result.error }
  }
}
