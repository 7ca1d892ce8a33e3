import type { JobStatus } from '../../contract/job-status'
import type { JobError } from './job-errors'

/** Why a take cannot be cancelled in this state, and what to do instead. */
export function cancelRefusal(status: JobStatus): string {
  switch (status) {
    case 'submitting':
      return 'This take is still being handed to the provider; cancel it in a moment'
    case 'archiving':
      return 'This take has already finished rendering and is being saved; delete it instead'
    case 'completed':
      return 'This take has already finished; delete it instead'
    case 'failed':
      return 'This take has already failed; there is nothing to cancel'
    default:
      return 'This take is already cancelled'
  }
}

export const CANCEL_UNCONFIRMED: JobError = {
  code: 'cancel_unconfirmed',
  kind: 'studio',
  message:
    'The provider did not confirm the cancel, so it may still render (and bill) this take; the studio will not keep it.',
}

export const TIMED_OUT = (minutes: number): JobError => ({
  code: 'timed_out',
  kind: 'studio',
  message: `The provider did not finish this take within ${minutes} minutes, so the studio stopped waiting. Retry to render it again.`,
})
