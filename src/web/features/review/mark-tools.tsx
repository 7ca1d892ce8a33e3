import { MARK_COLOURS, type MarkKind } from '../../../contract/review'
import { Button } from '../../components/ui/button'
import { cn } from '../../components/ui/cn'
import { MARK_COLOUR_NAMES, MARK_SHADES } from './mark-colours'
import type { NoteDrafting } from './use-note-draft'

const TOOLS: { kind: MarkKind; label: string; icon: React.ReactNode }[] = [
  { kind: 'freehand', label: 'Freehand', icon: <path d="M2 11c2-4 3-6 5-3s3 1 4-1 2-3 3-2" /> },
  { kind: 'arrow', label: 'Arrow', icon: <path d="M3 13 13 3m0 0H7m6 0v6" /> },
  { kind: 'rect', label: 'Rectangle', icon: <rect x="2.5" y="4" width="11" height="8" rx="0.5" /> },
  { kind: 'ellipse', label: 'Ellipse', icon: <ellipse cx="8" cy="8" rx="5.5" ry="4" /> },
]

/** In the note being written: the shape to draw on the paused frame, its colour, and undo. */
export function MarkTools({ drafting }: { drafting: NoteDrafting }) {
  const count = drafting.draft?.marks.length ?? 0
  return (
    <div role="toolbar" aria-label="Marks" className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <div className="flex items-center gap-0.5">
        {TOOLS.map(({ kind, label, icon }) => (
          <Button
            key={kind}
            size="icon-xs"
            variant={drafting.tool === kind ? 'picked' : 'ghost'}
            aria-label={label}
            aria-pressed={drafting.tool === kind}
            onClick={() => drafting.setTool(kind)}
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 16 16"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              {icon}
            </svg>
          </Button>
        ))}
      </div>
      <div className="flex items-center gap-1" role="group" aria-label="Colour">
        {MARK_COLOURS.map((colour) => (
          <button
            key={colour}
            type="button"
            aria-label={MARK_COLOUR_NAMES[colour]}
            aria-pressed={drafting.colour === colour}
            onClick={() => drafting.setColour(colour)}
            className={cn(
              'grid size-6 place-items-center rounded-full',
              drafting.colour === colour && 'ring-1 ring-text-muted',
            )}
          >
            <span className="size-3.5 rounded-full" style={{ background: MARK_SHADES[colour] }} />
          </button>
        ))}
      </div>
      <Button
        size="icon-xs"
        variant="ghost"
        className="ml-auto"
        disabled={count === 0}
        onClick={drafting.undoMark}
        aria-label="Undo the last mark"
        title="Undo the last mark"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        >
          <path
            d="M5.5 3 2.5 6l3 3M3 6h6.5a4 4 0 0 1 0 8H7"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </Button>
    </div>
  )
}
