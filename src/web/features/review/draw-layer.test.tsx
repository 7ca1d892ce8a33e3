import { fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Mark } from '../../../contract/review'
import { fakePlayerBox } from '../../testing/player-box'
import { DrawLayer } from './draw-layer'
import type { NoteDrafting } from './use-note-draft'

function drafting(overrides: Partial<NoteDrafting>): NoteDrafting {
  return {
    draft: { noteId: null, at: 1.5, until: null, text: '', marks: [] },
    tool: 'rect',
    colour: 'yellow',
    focusAsked: 0,
    start: vi.fn(),
    edit: vi.fn(),
    change: vi.fn(),
    addMark: vi.fn(),
    undoMark: vi.fn(),
    setTool: vi.fn(),
    setColour: vi.fn(),
    cancel: vi.fn(),
    ...overrides,
  }
}

function drag(surface: Element, points: [number, number][]) {
  const [first, ...rest] = points
  fireEvent.pointerDown(surface, {
    button: 0,
    pointerId: 1,
    clientX: first?.[0],
    clientY: first?.[1],
  })
  for (const [clientX, clientY] of rest)
    fireEvent.pointerMove(surface, { pointerId: 1, clientX, clientY })
  fireEvent.pointerUp(surface, { pointerId: 1 })
}

describe('drawing on the frame', () => {
  beforeEach(() => {
    // A square player: the 16:9 picture is 400 × 225, letterboxed 87.5 px from the top.
    fakePlayerBox(400, 400)
  })

  it('stores a rectangle in coordinates of the picture, not of the letterboxed player', () => {
    const addMark = vi.fn<(mark: Mark) => void>()
    render(<DrawLayer drafting={drafting({ addMark })} frame={{ width: 1280, height: 720 }} />)
    drag(screen.getByRole('application'), [
      [100, 87.5 + 56.25],
      [200, 130],
      [300, 87.5 + 168.75],
    ])
    expect(addMark).toHaveBeenCalledWith({
      kind: 'rect',
      colour: 'yellow',
      x: 0.25,
      y: 0.25,
      w: 0.5,
      h: 0.5,
    })
  })

  it('keeps a stroke that leaves the picture on its edge, and ignores a click', () => {
    const addMark = vi.fn<(mark: Mark) => void>()
    render(
      <DrawLayer
        drafting={drafting({ addMark, tool: 'freehand' })}
        frame={{ width: 1280, height: 720 }}
      />,
    )
    const surface = screen.getByRole('application')
    drag(surface, [[200, 200]])
    expect(addMark).not.toHaveBeenCalled()
    drag(surface, [
      [200, 200],
      [200, 100],
      [200, 20],
    ])
    expect(addMark).toHaveBeenCalledWith({
      kind: 'freehand',
      colour: 'yellow',
      points: [
        [0.5, 0.5],
        [0.5, 0.0556],
        [0.5, 0],
      ],
    })
  })
})
