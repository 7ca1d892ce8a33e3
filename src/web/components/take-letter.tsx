import { VERDICT_LABELS, type Verdict } from '../../contract/verdict'
import { cn } from './ui/cn'

/**
 * A take's letter marked with its verdict, the way a camera report marks it: circled keepers get
 * a ring, a held take a "Hold" tag, a no-good one is struck through. Calm on purpose: the
 * footage stays the brightest thing on screen.
 */
export function TakeLetter({
  take,
  verdict,
  by = null,
  className,
}: {
  take: string
  verdict: Verdict
  /** Who gave the verdict, when known (a reviewer through a link, say). */
  by?: string | null
  className?: string
}) {
  const judged = verdict ? `, ${VERDICT_LABELS[verdict].toLowerCase()}${by ? ` by ${by}` : ''}` : ''
  const label = `Take ${take}${judged}`
  return (
    <span className={cn('inline-flex shrink-0 items-center gap-1', className)}>
      <span className="sr-only">{label}</span>
      <span
        aria-hidden="true"
        title={label}
        data-verdict={verdict ?? undefined}
        className={cn(
          'inline-flex h-[18px] min-w-[18px] items-center justify-center font-mono text-[11px]',
          verdict === 'circled'
            ? 'rounded-full border-[1.5px] border-accent px-[3px] text-accent'
            : verdict === 'no_good'
              ? 'text-text-subtle line-through decoration-danger/80'
              : 'text-text-muted',
        )}
      >
        {take}
      </span>
      {verdict === 'hold' && (
        <span aria-hidden="true" className="text-[10px] tracking-label text-warning uppercase">
          hold
        </span>
      )}
      {verdict === 'no_good' && (
        <span aria-hidden="true" className="text-[10px] tracking-label text-danger uppercase">
          ng
        </span>
      )}
    </span>
  )
}
