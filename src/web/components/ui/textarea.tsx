import type { ComponentProps } from 'react'
import { cn } from './cn'

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea
      // Prompts mix scripts: each paragraph takes the direction of its first strong letter.
      dir="auto"
      className={cn(
        'block w-full resize-y rounded-md border border-border-strong bg-bg px-3 py-2.5',
        'text-[13px] leading-5 text-text placeholder:text-text-subtle',
        'transition-colors duration-150 hover:border-text-subtle/60',
        'focus-visible:border-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/30',
        'aria-invalid:border-danger aria-invalid:focus-visible:ring-danger/30',
        className,
      )}
      {...props}
    />
  )
}
