import { describe, expect, it } from 'vitest'
import type { Mark } from '../../../contract/review'
import { makeNote } from '../../testing/notes'
import { marksAt } from './note-time'

const FPS = 24
const circle: Mark = { kind: 'ellipse', colour: 'yellow', cx: 0.5, cy: 0.5, rx: 0.1, ry: 0.1 }
const box: Mark = { kind: 'rect', colour: 'red', x: 0.1, y: 0.1, w: 0.2, h: 0.2 }
const arrow: Mark = { kind: 'arrow', colour: 'blue', from: [0, 0], to: [0.5, 0.5] }

describe('the marks over the video at the playhead', () => {
  // At 1.5 s (frame 36), and from 2 s to 3 s (frames 48–72).
  const notes = [
    makeNote({ at: 1.5, marks: [circle] }),
    makeNote({ at: 2, until: 3, marks: [box, arrow] }),
  ]
  const at = (seconds: number) => marksAt(notes, seconds, FPS)

  it('are a note’s on its own frame only, wherever in the frame the playhead is', () => {
    expect(at(1.5)).toEqual([circle])
    expect(at(1.5 + 0.9 / FPS)).toEqual([circle])
    expect(at(1.5 - 0.1 / FPS)).toEqual([]) // the frame before
    expect(at(1.5 + 1 / FPS)).toEqual([]) // the frame after
  })

  it('are a range note’s on every frame from its in point to its out point, both included', () => {
    expect(at(2 - 0.5 / FPS)).toEqual([])
    expect(at(2)).toEqual([box, arrow])
    expect(at(2.5)).toEqual([box, arrow])
    expect(at(3 + 0.5 / FPS)).toEqual([box, arrow])
    expect(at(3 + 1 / FPS)).toEqual([])
  })

  it('are every note’s the playhead is on, together', () => {
    const overlapping = [...notes, makeNote({ at: 2.5, marks: [circle] })]
    expect(marksAt(overlapping, 2.5, FPS)).toEqual([box, arrow, circle])
  })
})
