import { Button } from '../../components/ui/button'
import { Progress } from '../../components/ui/progress'
import { formatUsd } from '../../lib/format'
import { describeSubmit, type Estimate } from './estimate'

const KBD =
  'rounded border border-border-strong bg-surface-raised px-1 font-sans text-[10px] leading-4 text-text-muted'
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)

export interface SubmitBarProps {
  takes: number
  seconds: number
  cost: Estimate | null
  pending: boolean
  uploadProgress: number | null
}

/** The estimate and the one button, which says what it will do and what it will cost. */
export function SubmitBar({ takes, seconds, cost, pending, uploadProgress }: SubmitBarProps) {
  const summary = describeSubmit(takes, seconds, cost)
  return (
    <div className="grid gap-2">
      {cost && (
        <p className="flex items-baseline justify-between text-[11px] tabular-nums text-text-subtle">
          <span>Estimated cost</span>
          <span>
            {formatUsd(cost.pricePerSecond)}/s × {seconds} s × {takes} ={' '}
            <span className="font-medium text-text">{formatUsd(cost.totalUsd)}</span>
          </span>
        </p>
      )}
      {pending && uploadProgress !== null && (
        <div className="grid gap-1">
          <p className="text-[11px] text-text-muted">
            Uploading reference image · {Math.round(uploadProgress)}%
          </p>
          <Progress value={uploadProgress} aria-label="Upload" />
        </div>
      )}
      <Button
        type="submit"
        variant="primary"
        size="lg"
        // aria-disabled, not disabled: a button clicked to submit keeps the focus while it runs.
        aria-disabled={pending || undefined}
        aria-labelledby="compose-generate-label"
        aria-describedby="compose-generate-detail"
        layout="spread"
        className="aria-disabled:cursor-progress aria-disabled:opacity-70"
      >
        <span id="compose-generate-label" className="font-semibold">
          Generate
        </span>
        <span id="compose-generate-detail" className="font-normal tabular-nums">
          {pending ? 'starting…' : summary}
        </span>
      </Button>
      <p className="flex items-center justify-center gap-1 text-[11px] text-text-subtle max-sm:hidden pointer-coarse:hidden">
        <kbd className={KBD}>{isMac ? '⌘' : 'Ctrl'}</kbd>
        <kbd className={KBD}>Enter</kbd>
        <span className="ml-1">generates from anywhere in the form</span>
      </p>
    </div>
  )
}
