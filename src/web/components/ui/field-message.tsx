import type { ComponentProps } from 'react'
import { cn } from './cn'

/** The words under a field: an error in the danger colour, a note (e.g. "switched to …") muted. */
export function FieldMessage({
  tone = 'error',
  className,
  ...props
}: ComponentProps<'p'> & { tone?: 'error' | 'note' }) {
  return (
    <p
      className={cn(
        'text-xs leading-4',
        tone === 'error' ? 'text-danger' : 'text-text-muted',
        className,
      )}
      {...props}
    />
  )
}
