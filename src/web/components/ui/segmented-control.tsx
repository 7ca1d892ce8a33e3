import { useId, type ReactNode, type Ref } from 'react'
import { cn } from './cn'

export interface SegmentOption<V extends string> {
  value: V
  /** The visible content; `label` is what assistive tech says when it differs. */
  content: ReactNode
  label?: string
  disabled?: boolean
}

export interface SegmentedControlProps<V extends string> {
  /** The group's accessible name, e.g. "Duration". */
  label: string
  /** Hide the visible group label when the caller shows one of its own. */
  labelledBy?: string
  name?: string
  value: V
  options: readonly SegmentOption<V>[]
  onChange: (value: V) => void
  invalid?: boolean
  describedBy?: string
  /** The form focuses the group through it on an error (the checked radio). */
  inputRef?: Ref<HTMLInputElement>
  /** As wide as its container, the segments sharing it; else as wide as its words. */
  wide?: boolean
  /** Placement and height; the look is the control's own. */
  className?: string
  /** Adds to each segment's layout (height, padding, its own text size). */
  itemClassName?: string
}

/**
 * A radio group drawn as joined buttons. Native radios underneath: Tab enters at the chosen one,
 * arrow keys move the choice, and the focus ring shows on the visible segment.
 */
export function SegmentedControl<V extends string>({
  label,
  labelledBy,
  name,
  value,
  options,
  onChange,
  invalid,
  describedBy,
  inputRef,
  wide = false,
  className,
  itemClassName,
}: SegmentedControlProps<V>) {
  const fallbackName = useId()
  return (
    <div
      role="radiogroup"
      aria-label={labelledBy ? undefined : label}
      aria-labelledby={labelledBy}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      className={cn(
        'rounded-md border bg-bg p-0.5 text-xs',
        wide ? 'flex w-full' : 'inline-flex',
        invalid ? 'border-danger' : 'border-border-strong',
        className,
      )}
    >
      {options.map((option) => {
        const checked = option.value === value
        return (
          // Equal shares of the group, but never narrower than the segment's own label: in a group
          // as wide as its labels (compare's modes) equal shares put a long label under the next.
          <label
            key={option.value}
            className={cn(
              'relative flex flex-1 cursor-pointer items-center justify-center rounded-[5px] px-2.5',
              'transition-colors duration-150 select-none',
              'has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-accent',
              checked
                ? 'bg-surface-raised text-text ring-1 ring-border-strong ring-inset'
                : 'text-text-muted hover:text-text',
              option.disabled && 'pointer-events-none opacity-40',
              itemClassName,
            )}
          >
            <input
              ref={checked ? inputRef : undefined}
              type="radio"
              // Over the whole segment, invisible: a click anywhere on it lands on the radio itself.
              className="absolute inset-0 size-full cursor-pointer appearance-none opacity-0"
              name={name ?? fallbackName}
              value={option.value}
              checked={checked}
              disabled={option.disabled}
              aria-label={option.label}
              onChange={() => onChange(option.value)}
            />
            {option.content}
          </label>
        )
      })}
    </div>
  )
}
