import type { Job } from '../../../contract/job'

/** A run of takes from one submit, drawn together with its "Compare takes". */
export interface GroupCell {
  kind: 'group'
  group: string
  jobs: Job[]
  /** The whole submit as loaded, so "Compare takes" opens it all even when it wraps. */
  allIds: string[]
  /** The finished ones of them, which "Compare takes" opens. */
  comparableIds: string[]
  /** The letters of its circled takes, named on every row the submit wraps onto. */
  circledTakes: string[]
  start: number
}
export interface TakeCell {
  kind: 'take'
  job: Job
  start: number
}
export type GridCell = TakeCell | GroupCell
export interface GridRow {
  cells: GridCell[]
}
export interface GridLayout {
  rows: GridRow[]
  /** Where each take sits: its row and column, for arrow keys and scrolling to it. */
  positions: Map<string, { row: number; column: number }>
}

/** Consecutive takes sharing a group; a group of one is just a take. */
function runs(jobs: Job[]): Job[][] {
  const out: Job[][] = []
  for (const job of jobs) {
    const last = out.at(-1)
    if (last && job.group !== null && last[0]?.group === job.group) last.push(job)
    else out.push([job])
  }
  return out
}

/**
 * Packs takes into rows of `columns`, newest first, keeping the takes of one submit side by side:
 * a group that would not fit on the row's remainder starts the next row.
 */
export function layoutGrid(jobs: Job[], columns: number): GridLayout {
  const cols = Math.max(1, Math.floor(columns))
  const rows: GridRow[] = []
  const positions = new Map<string, { row: number; column: number }>()
  let row: GridRow = { cells: [] }
  let used = 0
  const place = (cell: GridCell, width: number) => {
    if (used + width > cols) {
      rows.push(row)
      row = { cells: [] }
      used = 0
    }
    cell.start = used
    const members = cell.kind === 'group' ? cell.jobs : [cell.job]
    members.forEach((job, i) => positions.set(job.id, { row: rows.length, column: used + i }))
    row.cells.push(cell)
    used += width
  }
  for (const run of runs(jobs)) {
    const first = run[0]
    if (run.length === 1 || !first?.group) {
      if (first) place({ kind: 'take', job: first, start: 0 }, 1)
      continue
    }
    const allIds = run.map((job) => job.id)
    const comparableIds = run.filter((job) => job.status === 'completed').map((job) => job.id)
    const circledTakes = run.filter((job) => job.verdict === 'circled').map((job) => job.take)
    for (let i = 0; i < run.length; i += cols) {
      const chunk = run.slice(i, i + cols)
      const cell = {
        kind: 'group' as const,
        group: first.group,
        jobs: chunk,
        allIds,
        comparableIds,
        circledTakes,
      }
      place({ ...cell, start: 0 }, chunk.length)
    }
  }
  if (row.cells.length > 0) rows.push(row)
  return { rows, positions }
}

/** The take an arrow key moves to, or null at an edge. */
export function neighbour(
  layout: GridLayout,
  order: string[],
  id: string,
  key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown',
): string | null {
  const index = order.indexOf(id)
  if (key === 'ArrowLeft') return order[index - 1] ?? null
  if (key === 'ArrowRight') return order[index + 1] ?? null
  const at = layout.positions.get(id)
  if (!at) return null
  const target = at.row + (key === 'ArrowUp' ? -1 : 1)
  let best: { id: string; distance: number } | null = null
  for (const [other, pos] of layout.positions) {
    if (pos.row !== target) continue
    const distance = Math.abs(pos.column - at.column)
    if (!best || distance < best.distance) best = { id: other, distance }
  }
  return best?.id ?? null
}
