import type { JobErrorKind } from '../../../contract/job'

/** What a person can do about a refused take, by the kind the server classified it as. */
const STEPS: Record<JobErrorKind, string> = {
  moderation: 'Reword the prompt (or use another reference image), then generate again.',
  rate_limited: 'The provider is busy: wait as long as it asks, then generate again.',
  quota: 'The provider account is out of credit: top it up, then generate again.',
  auth: 'The provider refused the key: fix it on the studio server and restart it.',
  model_unavailable: 'This provider does not serve that model now: pick another model and generate again.',
  provider_down: 'The provider had trouble: generate again in a moment.',
  invalid_request: 'Check the prompt and settings, then generate again.',
  render_failed: 'The provider could not render it: generate again.',
  studio: 'Check the prompt and settings, then generate again.',
}

export function nextStep(kind: JobErrorKind): string {
  return STEPS[kind]
}
