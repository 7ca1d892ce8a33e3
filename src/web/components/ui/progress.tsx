import type { ComponentProps } from 'react'
import { cn } from './cn'

/** A thin determinate bar in the accent colour; `value` is 0–100. */
export function Progress({
  value,
  className,
  ...props
}: Omit<ComponentProps<'div'>, 'role'> & { value: number }) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)))
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      className={cn('h-1 w-full overflow-hidden rounded-full bg-border', className)}
      {...props}
    >
      <div
        className="h-full rounded-full bg-accent transition-[width] duration-200 ease-out"
        style={{ width: `${clamped}%` }}
      />
    </div>
  )
}
