import type { ComponentProps } from 'react'
import { cn } from './cn'

/** The native select, dressed to match: keyboard, screen readers and mobile pickers come free. */
export function Select({ className, children, ...props }: ComponentProps<'select'>) {
  return (
    <div className={cn('relative', className)}>
      <select
        className={cn(
          'h-8 w-full appearance-none rounded-md border border-border-strong bg-surface-raised',
          'pr-8 pl-2.5 text-[13px] text-text transition-colors duration-150 hover:border-text-subtle/60',
          'focus-visible:border-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/30',
          'aria-invalid:border-danger',
        )}
        {...props}
      >
        {children}
      </select>
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="pointer-events-none absolute top-1/2 right-2.5 size-3.5 -translate-y-1/2 text-text-subtle"
      >
        <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
    </div>
  )
}
