import { cva, type VariantProps } from 'class-variance-authority'
import type { ComponentProps } from 'react'
import { cn } from './cn'

/**
 * Every look a button has is a variant here: a caller's className only places the button
 * (margins, position, width), it never restyles it (cn does not merge conflicting classes).
 */
export const buttonVariants = cva(
  [
    'inline-flex shrink-0 items-center gap-1.5 rounded-md font-medium whitespace-nowrap',
    'transition-colors duration-150 select-none',
    'disabled:pointer-events-none disabled:opacity-40',
    '[&_svg]:pointer-events-none [&_svg]:size-3.5 [&_svg]:shrink-0',
  ],
  {
    variants: {
      variant: {
        primary: 'bg-accent text-accent-fg hover:bg-accent-hover',
        secondary: 'border border-border-strong bg-surface-raised text-text hover:bg-border',
        ghost: 'text-text-muted hover:bg-surface-raised hover:text-text',
        /** A ghost whose words are a link's: Undo, Reels, a group's actions. */
        link: 'text-accent hover:bg-surface-raised hover:text-accent-hover',
        /** A ghost that turns red under the pointer: Delete beside Edit. */
        'ghost-danger': 'text-text-muted hover:bg-surface-raised hover:text-danger',
        /** An on/off ghost while on (Loop, Mute). */
        on: 'bg-accent/15 text-accent hover:bg-surface-raised hover:text-accent',
        /** The tool picked from a set of ghosts (the mark shapes). */
        picked: 'bg-surface-raised text-text ring-1 ring-border-strong',
        danger: 'border border-danger/40 bg-danger/10 text-danger hover:bg-danger/20',
      },
      size: {
        '2xs': 'h-5 px-1.5 text-[11px]',
        xs: 'h-6 px-2 text-xs',
        sm: 'h-7 px-2.5 text-xs',
        md: 'h-8 px-3 text-[13px]',
        lg: 'h-10 px-4 text-sm',
        'icon-xs': 'size-6',
        icon: 'size-8',
      },
      /** `spread`: the whole width, the label at the start and what follows it at the end. */
      layout: {
        center: 'justify-center',
        spread: 'w-full justify-between',
      },
    },
    defaultVariants: { variant: 'secondary', size: 'md', layout: 'center' },
  },
)

export type ButtonProps = ComponentProps<'button'> & VariantProps<typeof buttonVariants>

export function Button({
  className,
  variant,
  size,
  layout,
  type = 'button',
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cn(buttonVariants({ variant, size, layout }), className)}
      {...props}
    />
  )
}
