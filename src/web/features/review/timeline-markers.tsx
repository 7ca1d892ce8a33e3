import type { PointerEvent } from 'react'
import type { Note } from '../../../contract/review'
import { cn } from '../../components/ui/cn'
import { useTimeDisplay } from '../../lib/use-time-display'
import type { VideoSync } from '../../lib/use-video-sync'
import { currentNoteId, frameMiddle } from './note-time'

/**
 * Half the seek bar's thumb: the native range puts value 0 at the thumb's centre, half a thumb
 * in from the edge, so a marker at time t sits where the thumb would.
 */
const THUMB_HALF_PX = 8

/** Where `seconds` falls on the seek bar's track, as a CSS length. */
export function trackPosition(seconds: number, duration: number): string {
  const fraction = duration > 0 ? Math.min(1, Math.max(0, seconds / duration)) : 0
  return `calc(${THUMB_HALF_PX}px + ${fraction} * (100% - ${2 * THUMB_HALF_PX}px))`
}

const letGo = (event: PointerEvent<HTMLElement>) => event.currentTarget.blur()

/**
 * The notes on the seek bar: a tick at a note's frame, a span over an in–out range. A click goes
 * to the note's frame, paused. Mounted in the transport's `markers` slot, over the seek bar.
 */
export function TimelineMarkers({ notes, sync }: { notes: readonly Note[]; sync: VideoSync }) {
  const time = useTimeDisplay()
  const current = currentNoteId(notes, sync.currentTime, sync.fps)
  if (!sync.duration) return null
  return (
    <div
      aria-label="Notes on the timeline"
      role="group"
      className="pointer-events-none absolute inset-0"
    >
      {notes.map((note) => {
        const left = trackPosition(note.at, sync.duration)
        const width =
          note.until === null
            ? undefined
            : `calc(${trackPosition(note.until, sync.duration)} - ${left})`
        const first = note.text.split('\n')[0] ?? ''
        return (
          <button
            key={note.id}
            type="button"
            tabIndex={-1}
            data-marker={note.id}
            aria-label={`Note at ${time.format(note.at, sync.fps)}${first ? `: ${first}` : ''}`}
            title={`${time.format(note.at, sync.fps)} ${note.author}: ${first}`}
            onClick={() => {
              sync.pause()
              sync.seek(frameMiddle(note.at, sync.fps))
            }}
            onPointerUp={letGo}
            style={{ left, width }}
            className={cn(
              'group pointer-events-auto absolute top-1/2 flex h-4 -translate-y-1/2 items-center',
              width ? '' : 'w-3 -translate-x-1/2 justify-center',
            )}
          >
            <span
              className={cn(
                'block rounded-full transition-colors',
                width ? 'h-1.5 w-full opacity-70' : 'h-2.5 w-[3px]',
                note.id === current ? 'bg-accent' : 'bg-warning group-hover:bg-text',
              )}
            />
          </button>
        )
      })}
    </div>
  )
}
