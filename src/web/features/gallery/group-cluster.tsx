import type { ReactNode } from 'react'
import { Button } from '../../components/ui/button'
import { defaultReelName, useMakeReel } from '../../lib/use-make-reel'
import { ExportNotesMenu } from '../review/export-notes-menu'
import type { GroupCell } from './grid-layout'

/** The height above each row where a submit's label and "Compare takes" sit. */
export const GROUP_HEADER_PX = 26

/** The takes of one submit, framed together, with one button to compare them all. */
export function GroupCluster({
  cell,
  onCompare,
  children,
}: {
  cell: GroupCell
  onCompare: (ids: string[]) => void
  children: ReactNode
}) {
  const count = cell.allIds.length
  // Only takes with a picture can be compared: a submit whose takes failed offers no comparison.
  const comparable = cell.comparableIds
  // The keepers of the submit, named in its header so they stand out of the group at a glance.
  const circled = cell.circledTakes
  const reel = useMakeReel()
  return (
    <div
      role="group"
      aria-label={`${count} takes of one submit`}
      className="relative grid gap-3"
      style={{
        gridColumn: `span ${cell.jobs.length}`,
        gridTemplateColumns: `repeat(${cell.jobs.length}, minmax(0, 1fr))`,
      }}
    >
      <div
        aria-hidden="true"
        className="absolute -inset-x-1.5 -bottom-1.5 -z-10 rounded-lg border border-border bg-white/[0.025]"
        style={{ top: -GROUP_HEADER_PX }}
      />
      <div
        className="absolute inset-x-0 flex items-center justify-between gap-2"
        style={{ top: -GROUP_HEADER_PX, height: GROUP_HEADER_PX }}
      >
        {/* On a narrow row the count gives way, never the circled takes. */}
        <span className="flex min-w-0 pl-0.5 text-[11px] whitespace-nowrap text-text-subtle">
          <span className="truncate">{count} takes of one submit</span>
          {circled.length > 0 && (
            <span className="shrink-0 text-accent">&nbsp;· {circled.join(', ')} circled</span>
          )}
        </span>
        <span className="flex shrink-0 items-center">
          {comparable.length >= 1 && (
            <ExportNotesMenu scope={{ group: cell.group }} size="2xs" />
          )}
          {comparable.length >= 2 && (
            <Button
              size="2xs"
              variant="link"
              disabled={reel.pending}
              title={reel.error ? `Could not make the reel: ${reel.error.message}` : 'A reel of these takes (the circled ones, once any is circled)'}
              onClick={() => reel.make({ name: defaultReelName(cell.jobs[0]?.prompt), group: cell.group })}
            >
              Make reel
            </Button>
          )}
          {comparable.length >= 2 && (
            <Button
              size="2xs"
              variant="link"
              onClick={() => onCompare(comparable)}
            >
              Compare takes
            </Button>
          )}
        </span>
      </div>
      {children}
    </div>
  )
}
