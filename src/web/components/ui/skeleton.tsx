import type { ComponentProps } from 'react'
import { cn } from './cn'

/** A quiet placeholder block while data loads; hidden from assistive tech. */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      aria-hidden="true"
      className={cn('animate-pulse rounded-md bg-surface-raised', className)}
      {...props}
    />
  )
}
