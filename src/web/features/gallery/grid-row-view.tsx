import { memo } from 'react'
import type { GridRow } from './grid-layout'
import { GroupCluster, GROUP_HEADER_PX } from './group-cluster'
import { TakeTile } from './take-tile'

interface GridRowViewProps {
  row: GridRow | undefined
  columns: number
  top: number
  height: number
  selected: ReadonlySet<string>
  onToggleSelected: (id: string) => void
  onOpen: (id: string) => void
  onCompare: (ids: string[]) => void
}

/**
 * One row of the grid, placed at its own top. Memoised: when a scroll brings a row into view the
 * grid renders again, but a row already in view keeps its props and is left alone.
 */
export const GridRowView = memo(function GridRowView({
  row,
  columns,
  top,
  height,
  selected,
  onCompare,
  ...tile
}: GridRowViewProps) {
  if (!row) return null
  return (
    <div
      className="absolute inset-x-0 grid gap-3 px-5"
      style={{
        transform: `translateY(${top}px)`,
        height,
        paddingTop: GROUP_HEADER_PX,
        gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        alignItems: 'start',
      }}
    >
      {row.cells.map((cell) =>
        cell.kind === 'take' ? (
          <TakeTile
            key={cell.job.id}
            job={cell.job}
            selected={selected.has(cell.job.id)}
            {...tile}
          />
        ) : (
          <GroupCluster key={cell.jobs[0]?.id} cell={cell} onCompare={onCompare}>
            {cell.jobs.map((job) => (
              <TakeTile key={job.id} job={job} selected={selected.has(job.id)} {...tile} />
            ))}
          </GroupCluster>
        ),
      )}
    </div>
  )
})
