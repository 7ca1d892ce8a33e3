import type { ReactNode } from 'react'
import type { Job } from '../../../contract/job'
import { cn } from '../../components/ui/cn'
import { nextStep } from './next-step'

export type Feedback =
  | { kind: 'started'; count: number }
  | { kind: 'refused'; refused: Job[]; started: number }
  | { kind: 'error'; message: string; next: string; started?: number; lost?: boolean }

function Box({ tone, children }: { tone: 'danger' | 'quiet'; children: ReactNode }) {
  return (
    <div
      className={cn(
        'rounded-md border px-3 py-2 text-xs leading-5',
        tone === 'danger'
          ? 'border-danger/30 bg-danger/[0.06]'
          : 'border-border bg-surface-raised/50',
      )}
    >
      {children}
    </div>
  )
}

const takes = (n: number) => `${n} ${n === 1 ? 'take' : 'takes'}`

/** What came of the last Generate, in words, with the next step when something went wrong. */
export function SubmitFeedback({ feedback }: { feedback: Feedback | null }) {
  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {feedback?.kind === 'started' && (
        <p className="flex items-center gap-2 text-xs text-text-muted">
          <span aria-hidden="true" className="size-1.5 rounded-full bg-accent" />
          Started {takes(feedback.count)}: {feedback.count === 1 ? 'it is' : 'they are'} in
          Rendering.
        </p>
      )}
      {feedback?.kind === 'refused' && (
        <Box tone="danger">
          <p className="font-medium text-danger">
            {feedback.refused.length === feedback.started
              ? `The provider refused ${feedback.started === 1 ? 'this take' : 'these takes'}`
              : `The provider refused ${feedback.refused.length} of ${takes(feedback.started)}`}
            : {feedback.refused[0]?.error?.message ?? 'no reason given'}
          </p>
          <p className="text-text-muted">{nextStep(feedback.refused[0]?.error?.kind ?? 'studio')}</p>
        </Box>
      )}
      {feedback?.kind === 'error' && (
        <Box tone="danger">
          {feedback.started ? (
            <p className="text-text">
              {takes(feedback.started)} started, then the rest were refused.
            </p>
          ) : null}
          <p className="font-medium text-danger">{feedback.message}</p>
          <p className="text-text-muted">{feedback.next}</p>
        </Box>
      )}
    </div>
  )
}
