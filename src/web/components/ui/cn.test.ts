import { describe, expect, it } from 'vitest'
import { buttonVariants } from './button'
import { cn } from './cn'

describe('cn', () => {
  it('joins the class names that are set, in order, and skips the rest', () => {
    expect(cn('flex', false, 'gap-2', null, undefined, '', 'p-1')).toBe('flex gap-2 p-1')
  })

  it('does not merge: two classes for one property both stay, so components must not pass them', () => {
    expect(cn('h-7', 'h-6')).toBe('h-7 h-6')
  })
})

describe('buttonVariants', () => {
  it('gives each size its own height, padding and text size, and nothing of the default size', () => {
    const xs = buttonVariants({ size: 'xs' }).split(' ')
    expect(xs).toEqual(expect.arrayContaining(['h-6', 'px-2', 'text-xs']))
    expect(xs).not.toContain('h-8')
    expect(xs).not.toContain('px-3')
  })

  it('gives a toggled-on or link button its own colour instead of the ghost grey', () => {
    for (const variant of ['on', 'link', 'picked'] as const) {
      expect(buttonVariants({ variant }).split(' ')).not.toContain('text-text-muted')
    }
  })
})
