import { REFERENCE_PARTS, type CreateJobFields } from '../../contract/api'
import { ApiError, apiErrorFromReply } from '../../contract/errors'
import type { Job } from '../../contract/job'
import { contractReply, parseBody } from './api-client'

export interface CreateJobRequest extends CreateJobFields {
  /** The reference image (the first frame), sent as the `input_reference` part. */
  reference?: File | null
  /** The last frame, sent as the `last_frame` part. */
  lastFrame?: File | null
}

export interface CreateJobOptions {
  /** Bytes sent so far out of the request's total, as the upload goes. */
  onUploadProgress?: (loaded: number, total: number) => void
  signal?: AbortSignal
}

export function createJobForm({ reference, lastFrame, ...fields }: CreateJobRequest): FormData {
  const form = new FormData()
  form.set('prompt', fields.prompt)
  form.set('model', fields.model)
  form.set('size', fields.size)
  form.set('seconds', String(fields.seconds))
  form.set('fit', fields.fit)
  if (fields.group) form.set('group', fields.group)
  // The image goes last, so the server has read every field by the time the bytes stream in.
  if (reference) form.set(REFERENCE_PARTS.first, reference, reference.name)
  if (lastFrame) form.set(REFERENCE_PARTS.last, lastFrame, lastFrame.name)
  return form
}

function parseReply(xhr: XMLHttpRequest): Job {
  const body = parseBody(xhr.responseText)
  if (xhr.status < 200 || xhr.status >= 300) {
    throw apiErrorFromReply(xhr.status, body, xhr.statusText)
  }
  return contractReply<Job>('/api/jobs', xhr.status, body)
}

/**
 * POST /api/jobs as multipart. XMLHttpRequest rather than fetch because only it reports upload
 * progress, which a 20 MB reference image on a slow link needs.
 */
export function createJob(request: CreateJobRequest, options: CreateJobOptions = {}): Promise<Job> {
  const { onUploadProgress, signal } = options
  return new Promise<Job>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', new URL('/api/jobs', document.baseURI).toString())
    xhr.setRequestHeader('accept', 'application/json')
    if (onUploadProgress) {
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onUploadProgress(event.loaded, event.total)
      })
    }
    xhr.addEventListener('load', () => {
      try {
        resolve(parseReply(xhr))
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    })
    xhr.addEventListener('error', () => {
      reject(new ApiError('network_error', 'The studio server cannot be reached'))
    })
    xhr.addEventListener('abort', () => {
      reject(new DOMException('The upload was cancelled', 'AbortError'))
    })
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(createJobForm(request))
  })
}
