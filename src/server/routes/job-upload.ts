import fs from 'node:fs'
import type { FastifyRequest } from 'fastify'
import { createJobFieldsSchema, type CreateJobFields } from '../../contract/api'
import { ApiError } from '../../contract/errors'
import type { Vault } from '../vault/vault'
import { fromZodError } from './error-handler'

export interface ParsedUpload {
  fields: CreateJobFields
  /** The reference image streamed to a vault temp file, or null when none was sent. */
  referenceFile: string | null
}

/**
 * Reads POST /api/jobs: fields into the contract schema, the image part streamed to disk under a
 * name of ours. On any refusal the temp file is removed, so a bad request leaves nothing behind.
 */
export async function readJobUpload(request: FastifyRequest, vault: Vault): Promise<ParsedUpload> {
  if (!request.isMultipart()) {
    throw new ApiError('unsupported_media_type', 'Send the job as multipart/form-data')
  }
  const raw: Record<string, string> = {}
  let referenceFile: string | null = null
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
        raw[part.fieldname] = part.value
        continue
      }
      if (part.fieldname !== 'input_reference' || referenceFile) {
        part.file.resume()
        throw new ApiError('invalid_request', `Unexpected file field "${part.fieldname}"`, part.fieldname)
      }
      referenceFile = await vault.receive(part.file, 'reference')
      if (part.file.truncated) {
        throw new ApiError('payload_too_large', 'The reference image is larger than the upload limit', 'input_reference')
      }
      if (part.filename === '' && fs.statSync(referenceFile).size === 0) {
        // A form with no file chosen still sends an empty part.
        await vault.removeTemp(referenceFile)
        referenceFile = null
      }
    }
    const parsed = createJobFieldsSchema.safeParse(raw)
    if (!parsed.success) throw fromZodError(parsed.error)
    return { fields: parsed.data, referenceFile }
  } catch (error) {
    if (referenceFile) await vault.removeTemp(referenceFile)
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
