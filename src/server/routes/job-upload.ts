import fs from 'node:fs'
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { REFERENCE_PARTS, createJobFieldsSchemaFor, type CreateJobFields } from '../../contract/api'
import { PROMPT_MAX_LENGTH, UPLOAD_LIMITS } from '../../contract/capabilities'
import { referenceIssue } from '../../contract/catalog'
import { ApiError } from '../../contract/errors'
import type { ModelCatalog } from '../catalog/model-catalog'
import type { UploadedReferences } from '../jobs/job-service'
import type { Vault } from '../vault/vault'
import { fromZodError } from './error-handler'
import { refuseNul } from '../security/nul-text'

export interface ParsedUpload {
  fields: CreateJobFields
  /** The reference images streamed to vault temp files, or null where none was sent. */
  references: UploadedReferences
}

const ROLE_OF_PART: Record<string, keyof UploadedReferences> = {
  [REFERENCE_PARTS.first]: 'first',
  [REFERENCE_PARTS.last]: 'last',
}

/**
 * Registers the upload route(s) in a scope of their own with the multipart reader. The plugin
 * hooks every request of its scope (an async onRequest adding a listener to the response, an
 * async onResponse), which only the upload needs: every other request is spared them.
 */
export function uploadScope(app: FastifyInstance, routes: (scope: FastifyInstance) => void): void {
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: UPLOAD_LIMITS.maxBytes,
        // The first and the last frame.
        files: 2,
        fields: 10,
        // A prompt of PROMPT_MAX_LENGTH characters, each up to 4 bytes of UTF-8.
        fieldSize: PROMPT_MAX_LENGTH * 4 + 1024,
        parts: 13,
      },
    })
    routes(scope)
  })
}

/**
 * Reads POST /api/jobs and hands the upload to `use`. This is the one owner of the client's temp
 * files: whatever happens (a bad field after the file part, a refusal upstream, a full disk), they
 * are removed in the one `finally` below. A job that keeps a file has moved it into place by then.
 */
export async function withJobUpload<T>(
  request: FastifyRequest,
  vault: Vault,
  catalog: ModelCatalog,
  use: (upload: ParsedUpload) => Promise<T>,
): Promise<T> {
  const received: string[] = []
  try {
    return await use(await readJobUpload(request, vault, catalog, received))
  } finally {
    for (const file of received) await vault.removeTemp(file)
  }
}

/**
 * Fields into the contract schema, each image part streamed to disk under a name of ours and
 * listed in `received` for withJobUpload to remove.
 */
async function readJobUpload(
  request: FastifyRequest,
  vault: Vault,
  catalog: ModelCatalog,
  received: string[],
): Promise<ParsedUpload> {
  if (!request.isMultipart()) {
    throw new ApiError('unsupported_media_type', 'Send the job as multipart/form-data')
  }
  const raw: Record<string, string> = {}
  const references: UploadedReferences = { first: null, last: null }
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        // A value cut at the field size limit is not what the client sent: refuse it, never store it.
        if (part.valueTruncated) {
          throw new ApiError('payload_too_large', `The field "${part.fieldname}" is too long`, part.fieldname)
        }
        // A part typed application/json arrives parsed; an object or number is not a text field.
        if (typeof part.value !== 'string') {
          throw new ApiError('invalid_request', `The field "${part.fieldname}" must be text`, part.fieldname)
        }
        refuseNul(part.fieldname, part.value)
        raw[part.fieldname] = part.value
        continue
      }
      const role = ROLE_OF_PART[part.fieldname]
      if (!role || references[role]) {
        part.file.resume()
        throw new ApiError('invalid_request', `Unexpected file field "${part.fieldname}"`, part.fieldname)
      }
      const file = await vault.receive(part.file, 'reference')
      received.push(file)
      if (part.file.truncated) {
        throw new ApiError('payload_too_large', 'The reference image is larger than the upload limit', part.fieldname)
      }
      // A form with no file chosen still sends an empty part: no reference (its file goes at the end).
      references[role] = part.filename === '' && fs.statSync(file).size === 0 ? null : file
    }
    const parsed = createJobFieldsSchemaFor(catalog.models()).safeParse(raw)
    if (!parsed.success) throw fromZodError(parsed.error)
    const model = catalog.model(parsed.data.model)
    const problem = model && referenceIssue(model, references.first !== null, references.last !== null)
    if (problem) {
      const field = model.references === 1 && references.last ? REFERENCE_PARTS.last : REFERENCE_PARTS.first
      throw new ApiError('invalid_request', problem, field)
    }
    return { fields: parsed.data, references }
  } catch (error) {
    throw asClientError(error)
  }
}

/**
 * A body that breaks the multipart grammar is the client's fault; a failing disk is ours (a full
 * one answers 507: see the error handler).
 */
function asClientError(error: unknown): unknown {
  if (error instanceof ApiError || !(error instanceof Error)) return error
  const { code, syscall } = error as NodeJS.ErrnoException
  if (syscall || code?.startsWith('FST_')) return error
  return new ApiError('invalid_request', `The upload could not be read: ${error.message}`)
}
