import { VERDICT_LABELS, VERDICTS, type Verdict } from '../../../contract/verdict'
import { cn } from '../../components/ui/cn'
import { VERDICT_KEYS } from '../review/verdict-keys'
import { VERDICT_GLYPHS, VERDICT_LIT } from '../review/verdict-look'

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
              on && VERDICT_LIT[value],
            )}
          >
            <span aria-hidden="true">{VERDICT_GLYPHS[value]}</span>
          </button>
        )
      })}
    </span>
  )
}
