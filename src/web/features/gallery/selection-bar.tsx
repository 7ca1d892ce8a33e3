import { Button } from '../../components/ui/button'
import { COMPARE_MAX } from '../../lib/url-state'
import { ExportNotesMenu } from '../review/export-notes-menu'
import { ShareButton } from '../share/share-button'

/** What is picked, and what to do with it: compare it (also the C key) or export its notes. */
export function SelectionBar({
  ids,
  onCompare,
  onMakeReel,
  onClear,
}: {
  ids: readonly string[]
  onCompare: () => void
  /** A reel of the selected takes, in the order they were picked. */
  onMakeReel: () => void
  onClear: () => void
}) {
  const count = ids.length
  const ready = count >= 2 && count <= COMPARE_MAX
  return (
    // One row on a wide screen; on a phone the count, Clear and Export above, what to make below.
    // Sticky: where the page itself scrolls (a phone), the bar stays at the bottom of the screen
    // instead of after the last take; beside a grid that scrolls in its own box it is there anyway.
    <div className="sticky bottom-0 z-10 flex min-h-11 shrink-0 flex-wrap items-center gap-x-3 gap-y-1.5 border-t border-border bg-surface px-3 pt-1.5 pb-[max(0.375rem,env(safe-area-inset-bottom))] sm:px-5">
      <p aria-live="polite" className="text-xs text-text-muted">
        {count} selected
        {count > COMPARE_MAX || count < 2 ? (
          <span className="ml-2 text-text-subtle">
            {count > COMPARE_MAX ? `compare up to ${COMPARE_MAX}` : 'pick 2 to 4 to compare'}
          </span>
        ) : (
          // A keyboard hint means nothing on a touch screen.
          <span className="ml-2 text-text-subtle pointer-coarse:hidden">press C</span>
        )}
      </p>
      <div className="ml-auto flex gap-2">
        <Button size="sm" variant="ghost" onClick={onClear}>
          Clear selection
        </Button>
        <ExportNotesMenu scope={{ job: [...ids] }} placement="up" />
      </div>
      <div className="flex w-full flex-wrap justify-end gap-2 sm:w-auto">
        <Button size="sm" onClick={onMakeReel}>
          Make reel
        </Button>
        <ShareButton
          share={{ kind: 'takes', jobIds: [...ids] }}
          what={count === 1 ? '1 take' : `${count} takes`}
          disabled={count === 0}
        />
        <Button size="sm" variant="primary" disabled={!ready} onClick={onCompare}>
          Compare
        </Button>
      </div>
    </div>
  )
}
