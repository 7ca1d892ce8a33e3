import type { ComponentProps } from 'react'
import { cn } from './cn'

/**
 * A quiet placeholder block while data loads; hidden from assistive tech. `pill` rounds it fully
 * (in place of a badge); the caller's className gives its size and place.
 */
export function Skeleton({
  pill = false,
  className,
  ...props
}: ComponentProps<'div'> & { pill?: boolean }) {
  return (
    <div
      aria-hidden="true"
      className={cn(
        'animate-pulse bg-surface-raised',
        pill ? 'rounded-full' : 'rounded-md',
        className,
      )}
      {...props}
    />
  )
}
