import { useId, useState } from 'react'
import type { ExportFormat } from '../../../contract/review'
import { Button, type ButtonProps } from '../../components/ui/button'
import { cn } from '../../components/ui/cn'
import { useDismiss } from '../../lib/use-dismiss'
import { downloadNotes, type ExportNotesScope } from './export-notes'

const FORMATS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'csv', label: 'CSV', hint: 'for a spreadsheet or an edit' },
  { format: 'md', label: 'Markdown', hint: 'to read or paste' },
]

/**
 * "Export notes" with its two formats: the notes, verdicts and prompts of `scope` with timecodes,
 * downloaded as a file. Used by the gallery (selection, group, circled takes) and the viewer.
 */
export function ExportNotesMenu({
  scope,
  label = 'Export notes',
  size = 'sm',
  variant = 'ghost',
  placement = 'down',
}: {
  scope: ExportNotesScope
  label?: string
  size?: ButtonProps['size']
  variant?: ButtonProps['variant']
  /** Where the menu opens: below the button, or above it (a bar at the foot of the screen). */
  placement?: 'up' | 'down'
}) {
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const menuId = useId()
  const ref = useDismiss(open, () => setOpen(false))
  const popover = cn(
    'absolute right-0 z-40 rounded-md border bg-surface-raised shadow-xl shadow-black/50',
    placement === 'up' ? 'bottom-full mb-1' : 'top-full mt-1',
  )
  const download = (format: ExportFormat) => {
    setOpen(false)
    setError(null)
    downloadNotes(scope, format).catch((failure: unknown) =>
      setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }
  return (
    <div ref={ref} className="relative">
      <Button
        size={size}
        variant={variant}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          setError(null)
          setOpen(!open)
        }}
      >
        {label}
      </Button>
      {open && (
        <div id={menuId} role="menu" aria-label={label} className={cn(popover, 'grid w-56 border-border-strong p-1')}>
          {FORMATS.map(({ format, label: name, hint }) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              onClick={() => download(format)}
              className="flex items-baseline gap-2 rounded px-2 py-1.5 text-left text-xs text-text hover:bg-border focus-visible:bg-border"
            >
              {name}
              <span className="text-[11px] text-text-subtle">{hint}</span>
            </button>
          ))}
        </div>
      )}
      {error && (
        <p
          role="alert"
          className={cn(popover, 'w-64 border-danger/40 px-2 py-1.5 text-xs text-danger')}
        >
          Could not export the notes: {error}
        </p>
      )}
    </div>
  )
}
