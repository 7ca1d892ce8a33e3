import type { ReactNode } from 'react'
import { cn } from './cn'
import { FieldMessage } from './field-message'

export interface FieldProps {
  /** The visible name. For a native control pass `htmlFor`; for a group pass `labelId`. */
  label: string
  htmlFor?: string
  labelId?: string
  /** Id for the message under the control, to pass to its aria-describedby. */
  messageId: string
  error?: string | undefined
  /** A note in words, e.g. that a choice was switched; announced politely. */
  note?: string | null
  /** Something quiet at the end of the label line, e.g. a character count. */
  aside?: ReactNode
  layout?: 'row' | 'stack'
  className?: string
  children: ReactNode
}

/** A label, its control, and the words under it: an error, else a note (shadcn's field pattern). */
export function Field({
  label,
  htmlFor,
  labelId,
  messageId,
  error,
  note,
  aside,
  layout = 'row',
  className,
  children,
}: FieldProps) {
  const labelClass = 'text-xs font-medium text-text-muted select-none'
  const labelNode = htmlFor ? (
    <label id={labelId} htmlFor={htmlFor} className={labelClass}>
      {label}
    </label>
  ) : (
    <span id={labelId} className={labelClass}>
      {label}
    </span>
  )
  return (
    <div
      className={cn(
        layout === 'row'
          ? 'grid grid-cols-[4.5rem_minmax(0,1fr)] items-center gap-x-3'
          : 'grid gap-1.5',
        className,
      )}
    >
      {aside ? (
        <div className="flex items-baseline justify-between gap-3">
          {labelNode}
          {aside}
        </div>
      ) : (
        labelNode
      )}
      <div className="min-w-0">{children}</div>
      <div id={messageId} aria-live="polite" className={cn(layout === 'row' && 'col-start-2')}>
        {error ? (
          <FieldMessage className="mt-1.5">{error}</FieldMessage>
        ) : note ? (
          <FieldMessage tone="note" className="mt-1.5">
            {note}
          </FieldMessage>
        ) : null}
      </div>
    </div>
  )
}
