import { useId } from 'react'
import type { Job } from '../../../contract/job'
import { cn } from '../../components/ui/cn'
import { EditPromptButton } from '../../components/edit-prompt-button'
import { NotesCount } from '../../components/notes-count'
import { TakeLetter } from '../../components/take-letter'
import { firstLine } from '../../lib/job-words'
import { TileFace } from './tile-face'
import { TileRetry } from './tile-retry'

/** The tile's frame (its button's `border`), inside which the picture area is drawn. */
export const TILE_BORDER_PX = 1

export interface TakeTileProps {
  job: Job
  selected: boolean
  onToggleSelected: (id: string) => void
  onOpen: (id: string) => void
}

/** One take in the grid: opens the viewer; a finished one can be picked for comparing. */
export function TakeTile({ job, selected, onToggleSelected, onOpen }: TakeTileProps) {
  const detailsId = useId()
  const title = firstLine(job.prompt)
  const comparable = job.status === 'completed'
  return (
    <div data-take-id={job.id} className="group/tile relative min-w-0">
      <button
        type="button"
        data-open-take
        aria-label={title}
        aria-describedby={detailsId}
        onClick={() => onOpen(job.id)}
        className={cn(
          'block w-full overflow-hidden rounded-md border bg-surface text-left transition-colors duration-150',
          selected
            ? 'border-accent ring-1 ring-accent'
            : 'border-border hover:border-border-strong',
        )}
      >
        <TileFace job={job} detailsId={detailsId} />
        <span className="flex h-8 items-center gap-2 px-2">
          <TakeLetter take={job.take} verdict={job.verdict} by={job.verdictBy} />
          <span
            dir="auto"
            className={cn(
              'truncate text-xs',
              job.verdict === 'no_good' ? 'text-text-muted' : 'text-text',
            )}
          >
            {title}
          </span>
          {job.remixOf && (
            <span className="shrink-0 text-[10px] tracking-label text-text-subtle uppercase">
              remix
            </span>
          )}
          <span className="ml-auto flex min-w-0 shrink-0 items-center gap-2">
            {job.author && (
              <span
                dir="auto"
                title={`Made by ${job.author}`}
                className="max-w-[10ch] truncate text-[11px] text-text-subtle"
              >
                <span className="sr-only">Made by </span>
                {job.author}
              </span>
            )}
            <NotesCount count={job.notesCount} />
          </span>
        </span>
      </button>
      {comparable && (
        <input
          type="checkbox"
          aria-label={`Select ${title}`}
          checked={selected}
          onChange={() => onToggleSelected(job.id)}
          className={cn(
            'absolute top-1.5 left-1.5 size-4 cursor-pointer accent-accent transition-opacity duration-150',
            // A touch screen has no hover: the box is always there, and big enough for a finger.
            'pointer-coarse:size-6',
            selected
              ? 'opacity-100'
              : 'opacity-0 group-hover/tile:opacity-100 focus-visible:opacity-100 pointer-coarse:opacity-100',
          )}
        />
      )}
      {job.status === 'failed' && <TileRetry id={job.id} />}
      <EditPromptButton job={job} size="xs" className="absolute top-1.5 right-16" />
    </div>
  )
}
