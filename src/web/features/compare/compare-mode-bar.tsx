import { Button } from '../../components/ui/button'
import { SegmentedControl } from '../../components/ui/segmented-control'
import type { CompareMode } from '../../lib/url-state'
import type { CompareModeState } from './use-compare-mode'

const MODES: { value: CompareMode; content: string }[] = [
  { value: 'side', content: 'Side by side' },
  { value: 'wipe', content: 'Wipe' },
  { value: 'flip', content: 'Flip' },
  { value: 'difference', content: 'Difference' },
  { value: 'overlay', content: 'Overlay' },
]

/** A control used with the mouse hands the keyboard back to the player (docs/keyboard.md, rule 2). */
const letGo = (event: { currentTarget: HTMLElement }) => event.currentTarget.blur()

/**
 * How two takes are compared, and the one control of the mode in view: Flip's button, Overlay's
 * opacity. Radios underneath, so Tab reaches the mode and the arrow keys change it.
 */
export function CompareModeBar({ view }: { view: CompareModeState }) {
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
      <SegmentedControl
        label="Compare mode"
        value={view.mode}
        options={MODES}
        onChange={view.setMode}
        className="h-7 w-full sm:w-auto"
        itemClassName="whitespace-nowrap"
      />
      {view.mode === 'flip' && (
        <Button
          size="sm"
          variant="ghost"
          onClick={view.flip}
          onPointerUp={letGo}
          aria-keyshortcuts="F"
        >
          Showing {view.shown + 1} · F flips
        </Button>
      )}
      {view.mode === 'overlay' && (
        <label className="flex items-center gap-2 text-xs text-text-muted">
          2 over 1
          <input
            type="range"
            aria-label="Opacity of take 2"
            aria-valuetext={`${view.opacity}%`}
            min={0}
            max={100}
            step={5}
            value={view.opacity}
            onChange={(event) => view.setOpacity(Number(event.currentTarget.value))}
            onPointerUp={letGo}
            className="h-1 w-28 cursor-pointer accent-accent"
          />
          <span className="w-8 font-mono tabular-nums text-text">{view.opacity}%</span>
        </label>
      )}
    </div>
  )
}
