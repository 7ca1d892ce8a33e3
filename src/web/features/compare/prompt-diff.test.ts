import { describe, expect, it } from 'vitest'
import { diffPrompts } from './prompt-diff'

describe('diffPrompts', () => {
  it('marks the words a prompt changes against the first', () => {
    expect(
      diffPrompts('a lantern over a night market', 'a lantern over a dawn market, in rain'),
    ).toEqual([
      { kind: 'same', text: 'a lantern over a' },
      { kind: 'added', text: 'dawn' },
      { kind: 'removed', text: 'night' },
      { kind: 'same', text: 'market,' },
      { kind: 'added', text: 'in rain' },
    ])
  })

  it('ignores case and punctuation around words', () => {
    expect(diffPrompts('Slow pan, left.', 'slow pan left')).toEqual([
      { kind: 'same', text: 'slow pan left' },
    ])
  })

  it('finds nothing changed in the same prompt, everything in a new one', () => {
    expect(diffPrompts('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }])
    expect(diffPrompts('', 'all new')).toEqual([{ kind: 'added', text: 'all new' }])
  })
})
