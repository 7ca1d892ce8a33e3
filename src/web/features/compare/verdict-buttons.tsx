import {
  VERDICT_LABELS,
  VERDICTS,
  type Verdict,
  type VerdictValue,
} from '../../../contract/verdict'
import { cn } from '../../components/ui/cn'
import { VERDICT_KEYS } from '../review/verdict-keys'

const MARKS: Record<VerdictValue, string> = { circled: '◉', hold: '◐', no_good: '✕' }
const ON: Record<VerdictValue, string> = {
  circled: 'text-accent bg-accent/15',
  hold: 'text-warning bg-warning/10',
  no_good: 'text-danger bg-danger/10',
}

interface VerdictButtonsProps {
  /** The take's slot, for the buttons' names ("Circled, take 2"). */
  index: number
  verdict: Verdict
  onChange: (verdict: Verdict) => void
}

/** A compared take's verdict in a caption: three small toggles, the given one lit. */
export function VerdictButtons({ index, verdict, onChange }: VerdictButtonsProps) {
  return (
    <span role="group" aria-label={`Verdict of take ${index + 1}`} className="inline-flex gap-0.5">
      {VERDICTS.map((value) => {
        const on = verdict === value
        return (
          <button
            key={value}
            type="button"
            aria-pressed={on}
            aria-label={`${VERDICT_LABELS[value]}, take ${index + 1}`}
            aria-keyshortcuts={VERDICT_KEYS[value]}
            title={`${VERDICT_LABELS[value]} (${VERDICT_KEYS[value]})`}
            onClick={(event) => {
              onChange(on ? null : value)
              event.currentTarget.blur()
            }}
            className={cn(
              'inline-flex size-6 items-center justify-center rounded text-xs text-text-subtle',
              'hover:bg-surface-raised hover:text-text',
              on && ON[value],
            )}
          >
            <span aria-hidden="true">{MARKS[value]}</span>
          </button>
        )
      })}
    </span>
  )
}
