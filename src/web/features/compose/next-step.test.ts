import { describe, expect, it } from 'vitest'
import { makeJob } from '../../testing/job-script'
import { needsNewPrompt } from '../../lib/refusal'
import { nextStep } from './next-step'

describe('what to do about a refused take', () => {
  it('follows the kind the server classified, whatever the provider called it', () => {
    expect(nextStep('moderation')).toMatch(/^Reword the prompt/)
    expect(nextStep('rate_limited')).toMatch(/wait as long as it asks/)
    expect(nextStep('quota')).toMatch(/out of credit/)
    expect(nextStep('auth')).toMatch(/refused the key/)
    expect(nextStep('model_unavailable')).toMatch(/pick another model/)
    expect(nextStep('provider_down')).toMatch(/generate again in a moment/)
  })

  it('offers a new prompt only for a failed take refused over its content', () => {
    const failed = (kind: 'moderation' | 'rate_limited', code: string) =>
      makeJob({ status: 'failed', error: { code, kind, message: 'refused' } })
    // Codes that once fooled a guess by pattern: the kind decides.
    expect(needsNewPrompt(failed('moderation', 'E_PX_4031'))).toBe(true)
    expect(needsNewPrompt(failed('rate_limited', 'blocked_by_rate_limiter'))).toBe(false)
    expect(needsNewPrompt({ ...failed('moderation', 'x'), status: 'cancelled' })).toBe(false)
  })
})
