import { VERDICT_LABELS, VERDICTS, type Verdict } from '../../../contract/verdict'
import { cn } from '../../components/ui/cn'
import { VERDICT_KEYS } from './verdict-keys'
import { VERDICT_GLYPHS, VERDICT_LIT } from './verdict-look'

interface VerdictBarProps {
  verdict: Verdict
  /** Who gave the verdict shown, when known: a reviewer's name through a review link, say. */
  by: string | null
  onChange: (verdict: Verdict) => void
  pending: boolean
  error: Error | null
}

/** The take's verdict, one press away: the chosen one lit; pressing it again clears it. */
export function VerdictBar({ verdict, by, onChange, pending, error }: VerdictBarProps) {
  return (
    <div className="border-b border-border px-4 py-2.5">
      <div
        role="group"
        aria-label="Verdict"
        aria-busy={pending}
        className="grid grid-cols-3 gap-1.5"
      >
        {VERDICTS.map((value) => {
          const on = verdict === value
          return (
            <button
              key={value}
              type="button"
              aria-pressed={on}
              aria-keyshortcuts={VERDICT_KEYS[value]}
              onClick={() => onChange(on ? null : value)}
              className={cn(
                'flex h-8 items-center justify-center gap-1.5 rounded-md border text-xs transition-colors',
                on
                  ? VERDICT_LIT[value]
                  : 'border-border-strong text-text-muted hover:bg-surface-raised hover:text-text',
              )}
            >
              <span aria-hidden="true">{VERDICT_GLYPHS[value]}</span>
              {VERDICT_LABELS[value]}
              <kbd
                aria-hidden="true"
                className="font-mono text-[10px] text-text-subtle pointer-coarse:hidden"
              >
                {VERDICT_KEYS[value]}
              </kbd>
            </button>
          )
        })}
      </div>
      {verdict && by && (
        <p className="mt-1.5 truncate text-xs text-text-muted">
          {VERDICT_LABELS[verdict]} by <span className="text-text">{by}</span>
        </p>
      )}
      {error && (
        <p role="alert" className="mt-1.5 text-xs text-danger">
          The verdict was not saved: {error.message}
        </p>
      )}
    </div>
  )
}
