import type { Job } from '../../contract/job'
import { sendToComposer } from './composer-handoff'
import { firstLine } from './job-words'

// A refusal about what the prompt (or its reference) asks for: the same request is refused again.
const ABOUT_THE_PROMPT = /moderation|content_policy|safety|blocked/i

/** Whether a failed take needs a different prompt rather than a retry. */
export function needsNewPrompt(job: Pick<Job, 'status' | 'error'>): boolean {
  return job.status === 'failed' && ABOUT_THE_PROMPT.test(job.error?.code ?? '')
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
