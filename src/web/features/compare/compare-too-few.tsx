import { Button } from '../../components/ui/button'

/** A comparison link that names one take: say why nothing opened, and offer the take itself. */
export function CompareTooFew({ onOpen, onDismiss }: { onOpen: () => void; onDismiss: () => void }) {
  return (
    <div
      role="alert"
      className="fixed inset-x-3 top-14 z-40 mx-auto flex max-w-lg flex-wrap items-center gap-3 rounded-md border border-border-strong bg-surface-raised px-3 py-2 text-xs text-text shadow-lg shadow-black/50"
    >
      <p className="min-w-0 flex-1">
        This link names one take; compare needs 2 to 4 takes.
      </p>
      <Button size="sm" variant="primary" onClick={onOpen}>
        Open this take
      </Button>
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  )
}
