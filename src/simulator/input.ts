import type { FastifyRequest } from 'fastify'
import { SimError, simErrors } from './errors'

export interface UploadedFile {
  field: string
  filename: string
  mimetype: string
  bytes: Buffer
}

/** A request body as the provider sees it: named fields (strings in multipart) and file parts. */
export interface RawBody {
  fields: Record<string, unknown>
  files: UploadedFile[]
}

/** Reads multipart/form-data or JSON into one shape. Only parts with a filename count as files. */
export async function readBody(request: FastifyRequest): Promise<RawBody> {
  if (!request.isMultipart()) {
    const body: unknown = request.body ?? {}
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new SimError(400, 'The request body must be a JSON object.')
    }
    return { fields: { ...body }, files: [] }
  }
  try {
    return await readMultipart(request)
  } catch (err) {
    if (err instanceof SimError || hasStatus(err)) throw err
    // busboy's own complaints (no boundary, truncated body) are the client's fault.
    const reason = err instanceof Error ? `: ${err.message}` : ''
    throw new SimError(400, `Could not parse the multipart/form-data body${reason}`)
  }
}

function hasStatus(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'statusCode' in err
}

async function readMultipart(request: FastifyRequest): Promise<RawBody> {
  const fields: Record<string, unknown> = {}
  const files: UploadedFile[] = []
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      // toBuffer() also drains the part, which the parser needs before the next one.
      const bytes = await part.toBuffer()
      files.push({ field: part.fieldname, filename: part.filename, mimetype: part.mimetype, bytes })
    } else if (part.valueTruncated) {
      throw new SimError(400, `Invalid '${part.fieldname}': the value is too long.`, {
        param: part.fieldname,
        code: 'string_above_max_length',
      })
    } else {
      fields[part.fieldname] = part.value
    }
  }
  return { fields, files }
}

/** OpenAI refuses parameters it does not know; so does the simulator. */
export function rejectUnknown(body: RawBody, known: readonly string[], fileFields: string[]): void {
  for (const name of Object.keys(body.fields)) {
    if (!known.includes(name)) throw simErrors.unknownParameter(name)
  }
  for (const file of body.files) {
    if (!fileFields.includes(file.field)) throw simErrors.unknownParameter(file.field)
  }
}
