import { useState } from 'react'
import { REFERENCE_PARTS, type CreateJobFields } from '../../../contract/api'
import { ApiError } from '../../../contract/errors'
import { useCreateTakes, type CreateTakesResult } from '../../lib/use-create-takes'
import { useServerBack } from '../../lib/use-server-back'
import { fileToUpload } from './reference-upload'
import type { Frame } from './downscale-plan'
import { COMPOSE_FIELDS, type ComposeField, type ComposeFormApi } from './form-context'
import type { Feedback } from './submit-feedback'
import type { ReferenceApi } from './use-reference'

function isFormField(field: string | undefined): field is ComposeField {
  return COMPOSE_FIELDS.some((f) => f === field)
}

/** The next step for a request the server refused as a whole. */
function nextFor(error: ApiError): string {
  if (error.code === 'rate_limited')
    return 'Nothing was sent to the provider; your prompt and settings are kept.'
  if (error.code === 'network_error')
    return 'Check that the studio server is running; your draft is kept.'
  return 'Your prompt and settings are kept; change what the message names and generate again.'
}

function feedbackFor(result: CreateTakesResult): Feedback {
  const refused = result.jobs.filter((job) => job.status === 'failed')
  if (refused.length) return { kind: 'refused', refused, started: result.jobs.length }
  if (result.failure) {
    return {
      kind: 'error',
      message: result.failure.message,
      next: nextFor(result.failure),
      started: result.jobs.length,
      lost: result.failure.code === 'network_error',
    }
  }
  return { kind: 'started', count: result.jobs.length }
}

/**
 * Sends the takes, then puts each answer where it belongs: a field error at its field, a
 * refusal or a 429 in words under the button. The form keeps every value either way.
 */
export function useSubmit(
  form: ComposeFormApi,
  /** The first frame (or the one reference); null when the model takes no image. */
  reference: ReferenceApi | null,
  takes: number,
  /** The last frame, when the model takes two. */
  lastFrame: ReferenceApi | null = null,
  /** The model's frames: an oversized reference is downscaled to what the largest needs. */
  frames: readonly Frame[] = [],
) {
  const create = useCreateTakes()
  const [feedback, setFeedback] = useState<Feedback | null>(null)
  const [preparing, setPreparing] = useState(false)
  // "Cannot be reached" lasts only as long as it is true.
  useServerBack(feedback?.kind === 'error' && feedback.lost === true, () => setFeedback(null))

  const showError = (error: unknown) => {
    if (!(error instanceof ApiError)) {
      setFeedback({
        kind: 'error',
        message: 'Something went wrong sending the takes.',
        next: 'Try again.',
      })
      return
    }
    if (isFormField(error.field)) {
      form.setError(error.field, error.message, { focus: true })
      setFeedback(null)
      return
    }
    if (error.field === REFERENCE_PARTS.last && lastFrame) {
      lastFrame.setError(error.message)
      setFeedback(null)
      return
    }
    const aboutImage =
      error.field === REFERENCE_PARTS.first ||
      (!!reference?.image &&
        (error.code === 'payload_too_large' || error.code === 'unsupported_media_type'))
    if (aboutImage && reference) {
      reference.setError(error.message)
      setFeedback(null)
      return
    }
    const lost = error.code === 'network_error'
    setFeedback({ kind: 'error', message: error.message, next: nextFor(error), lost })
  }

  const prepare = (image: ReferenceApi['image'] | undefined) =>
    image ? fileToUpload(image, frames) : Promise.resolve(null)

  const send = async (fields: CreateJobFields) => {
    if (create.isPending || preparing) return
    setFeedback(null)
    const { group: _group, ...rest } = fields
    setPreparing(true)
    const [first, last] = await Promise.all([prepare(reference?.image), prepare(lastFrame?.image)])
    setPreparing(false)
    create.mutate(
      { fields: rest, takes, reference: first, lastFrame: last },
      { onSuccess: (result) => setFeedback(feedbackFor(result)), onError: showError },
    )
  }

  return {
    onSubmit: form.handleSubmit(send),
    feedback,
    pending: create.isPending || preparing,
    uploadProgress: create.uploadProgress,
  }
}
