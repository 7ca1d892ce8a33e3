import { Button } from '../../components/ui/button'

/**
 * Where the form's settings came from, after "Reuse settings" or "Continue from here", and, when
 * they replaced a half-written prompt, the way back to it.
 */
export function HandoffNote({
  note,
  onDismiss,
  onUndo,
}: {
  note: string
  onDismiss: () => void
  onUndo?: (() => void) | null
}) {
  return (
    <div className="flex items-center gap-2 rounded-md border border-accent/30 bg-accent/[0.07] py-1 pr-1 pl-3 text-xs text-text">
      <span aria-hidden="true" className="size-1.5 shrink-0 rounded-full bg-accent" />
      <p className="min-w-0 flex-1 truncate" role="status">
        {note}
      </p>
      {onUndo && (
        <Button
          variant="link"
          size="xs"
          aria-label="Undo: restore my draft"
          onClick={onUndo}
        >
          Undo
        </Button>
      )}
      <Button variant="ghost" size="xs" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  )
}
