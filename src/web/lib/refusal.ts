import type { Job } from '../../contract/job'
import { sendToComposer } from './composer-handoff'
import { firstLine } from './job-words'

/**
 * Whether a failed take needs a different prompt rather than a retry: the provider refused what
 * the prompt (or its reference) asks for, so the same request is refused again.
 */
export function needsNewPrompt(job: Pick<Job, 'status' | 'error'>): boolean {
  return job.status === 'failed' && job.error?.kind === 'moderation'
}

/** Puts the refused take's prompt and settings in the composer, to be reworded there. */
export function editPromptOf(job: Job): void {
  sendToComposer({
    prompt: job.prompt,
    model: job.model,
    size: job.size,
    seconds: job.seconds,
    reference: job.reference && { url: job.reference.url, fileName: `reference-${job.id.slice(-6)}.png` },
    note: `Refused: “${firstLine(job.prompt)}”. Reword it, then generate again`,
  })
}
