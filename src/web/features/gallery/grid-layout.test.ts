import { describe, expect, it } from 'vitest'
import { makeJob } from '../../testing/job-script'
import { layoutGrid, neighbour } from './grid-layout'

const take = (group: string | null = null) => makeJob({ status: 'completed', group })
const shape = (layout: ReturnType<typeof layoutGrid>) =>
  layout.rows.map((row) => row.cells.map((c) => (c.kind === 'group' ? `g${c.jobs.length}` : 't')))

describe('layoutGrid', () => {
  it('fills rows of the given width with single takes', () => {
    expect(shape(layoutGrid([take(), take(), take(), take(), take()], 2))).toEqual([
      ['t', 't'],
      ['t', 't'],
      ['t'],
    ])
  })

  it('keeps the takes of one submit together, starting a row when they do not fit', () => {
    const jobs = [take(), take(), take('g1'), take('g1'), take('g1'), take()]
    expect(shape(layoutGrid(jobs, 4))).toEqual([
      ['t', 't'],
      ['g3', 't'],
    ])
  })

  it('wraps a submit wider than a row, and each part compares the whole submit', () => {
    const jobs = [take('g'), take('g'), take('g')]
    const layout = layoutGrid(jobs, 2)
    expect(shape(layout)).toEqual([['g2'], ['g1']])
    const last = layout.rows[1]?.cells[0]
    expect(last?.kind === 'group' && last.allIds).toEqual(jobs.map((j) => j.id))
  })

  it('names the circled takes of a submit on every row it wraps onto', () => {
    const jobs = [take('g'), { ...take('g'), take: 'B', verdict: 'circled' as const }, take('g')]
    const layout = layoutGrid(jobs, 1)
    const circled = layout.rows.map(
      (row) => row.cells[0]?.kind === 'group' && row.cells[0].circledTakes,
    )
    expect(circled).toEqual([['B'], ['B'], ['B']])
  })

  it('moves between takes with the arrow keys, by column up and down', () => {
    const jobs = [take(), take(), take(), take(), take()]
    const ids = jobs.map((j) => j.id)
    const layout = layoutGrid(jobs, 3)
    expect(neighbour(layout, ids, ids[0] ?? '', 'ArrowRight')).toBe(ids[1])
    expect(neighbour(layout, ids, ids[0] ?? '', 'ArrowLeft')).toBeNull()
    expect(neighbour(layout, ids, ids[1] ?? '', 'ArrowDown')).toBe(ids[4])
    expect(neighbour(layout, ids, ids[2] ?? '', 'ArrowDown')).toBe(ids[4])
    expect(neighbour(layout, ids, ids[4] ?? '', 'ArrowUp')).toBe(ids[1])
  })
})
