import { describe, expect, it } from 'vitest'
import { frameRect, toElement, toFrame } from './frame-geometry'

const LANDSCAPE = { width: 1280, height: 720 }

describe('where the picture is in its element', () => {
  it('letterboxes a 16:9 frame in a square player (object-fit: contain)', () => {
    expect(frameRect({ width: 640, height: 640 }, LANDSCAPE)).toEqual({
      x: 0,
      y: 140,
      width: 640,
      height: 360,
    })
  })

  it('pillarboxes it in a wide, short player', () => {
    expect(frameRect({ width: 1000, height: 360 }, LANDSCAPE)).toEqual({
      x: 180,
      y: 0,
      width: 640,
      height: 360,
    })
  })

  it('crops it with object-fit: cover, and stretches it with fill', () => {
    // 640 high → 1137.8 wide, centred: 248.9 px cropped off each side.
    const cover = frameRect({ width: 640, height: 640 }, LANDSCAPE, 'cover')
    expect(cover.height).toBe(640)
    expect(cover.width).toBeCloseTo(1137.78, 2)
    expect(cover.x).toBeCloseTo(-248.89, 2)
    expect(frameRect({ width: 300, height: 200 }, LANDSCAPE, 'fill')).toEqual({
      x: 0,
      y: 0,
      width: 300,
      height: 200,
    })
  })

  it('maps a pointer to the frame and back, the bars not being part of it', () => {
    const rect = frameRect({ width: 640, height: 640 }, LANDSCAPE)
    expect(toFrame([320, 320], rect)).toEqual([0.5, 0.5])
    expect(toFrame([160, 230], rect)).toEqual([0.25, 0.25])
    // In the bar above the picture: held on the frame's top edge.
    expect(toFrame([160, 40], rect)).toEqual([0.25, 0])
    expect(toElement([0.25, 0.25], rect)).toEqual([160, 230])
  })
})
