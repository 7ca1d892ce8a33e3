import { render } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Mark } from '../../../contract/review'
import { fakePlayerBox } from '../../testing/player-box'
import { MarksLayer } from './marks-layer'

const FRAME = { width: 1280, height: 720 }
const RECT: Mark = { kind: 'rect', colour: 'red', x: 0.25, y: 0.5, w: 0.5, h: 0.25 }

/** The rectangle's corners in the player's pixels, read off the drawn SVG. */
function drawnCorners(container: HTMLElement) {
  const picture = container.querySelector('svg > svg')
  const path = picture?.querySelector('[data-mark="rect"] path:last-child')?.getAttribute('d') ?? ''
  const [x, y, right, bottom] = path.match(/-?[\d.]+/g)?.map(Number) ?? []
  const dx = Number(picture?.getAttribute('x'))
  const dy = Number(picture?.getAttribute('y'))
  return {
    left: dx + (x ?? NaN),
    top: dy + (y ?? NaN),
    right: dx + (right ?? NaN),
    bottom: dy + (bottom ?? NaN),
  }
}

describe('marks over the video', () => {
  let player: ReturnType<typeof fakePlayerBox>
  beforeEach(() => {
    player = fakePlayerBox(1280, 720)
  })

  it('sit on the same spot of the frame at two player sizes, the letterbox left out', () => {
    const { container, getByRole } = render(<MarksLayer marks={[RECT]} frame={FRAME} />)
    expect(getByRole('img', { name: 'Marks: red rectangle' })).toBeInTheDocument()
    // Full size: the frame fills the player.
    expect(drawnCorners(container)).toEqual({ left: 320, top: 360, right: 960, bottom: 540 })

    // A phone's square player: the 16:9 picture is 400 × 225, 87.5 px down from the top.
    player.resize(400, 400)
    expect(drawnCorners(container)).toEqual({ left: 100, top: 200, right: 300, bottom: 256.25 })
  })

  it('draw an ellipse and an arrow in frame proportions when the picture is pillarboxed', () => {
    player.resize(1000, 360)
    const marks: Mark[] = [
      { kind: 'ellipse', colour: 'blue', cx: 0.5, cy: 0.5, rx: 0.25, ry: 0.5 },
      { kind: 'arrow', colour: 'yellow', from: [0, 0], to: [1, 1] },
    ]
    const { container } = render(<MarksLayer marks={marks} frame={FRAME} />)
    const picture = container.querySelector('svg > svg')
    expect([picture?.getAttribute('x'), picture?.getAttribute('width')]).toEqual(['180', '640'])
    const ellipse = container.querySelector('[data-mark="ellipse"] path')?.getAttribute('d')
    // Centre (320, 180), radii 160 × 180: it starts at the left end of its horizontal axis.
    expect(ellipse).toMatch(/^M160 180 A160 180 /)
    const arrow = container.querySelector('[data-mark="arrow"] path')?.getAttribute('d')
    expect(arrow).toMatch(/^M0 0 L640 360 /)
  })

  it('draw nothing, and say nothing, without marks', () => {
    const { container } = render(<MarksLayer marks={[]} frame={FRAME} />)
    expect(container.querySelector('svg')).toHaveAttribute('aria-hidden', 'true')
    expect(container.querySelector('[data-mark]')).toBeNull()
  })
})
