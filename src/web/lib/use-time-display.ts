import { useSyncExternalStore } from 'react'
import { formatClock } from './job-words'
import { formatTimecode } from '../../contract/timecode'

export type TimeDisplay = 'timecode' | 'seconds'
const KEY = 'dailies:time-display'
const CHANGE = 'dailies:time-display'

function read(): TimeDisplay {
  try {
    return localStorage.getItem(KEY) === 'seconds' ? 'seconds' : 'timecode'
  } catch {
    return 'timecode'
  }
}

function subscribe(listener: () => void): () => void {
  window.addEventListener(CHANGE, listener)
  return () => window.removeEventListener(CHANGE, listener)
}

/**
 * How players show time: timecode (HH:MM:SS:FF, the default, as in an editor) or seconds
 * (0:03.8). One choice for every player, kept across visits.
 */
export function useTimeDisplay(): {
  display: TimeDisplay
  toggle: () => void
  format: (seconds: number, fps: number) => string
} {
  const display = useSyncExternalStore(subscribe, read, () => 'timecode' as const)
  return {
    display,
    toggle: () => {
      try {
        localStorage.setItem(KEY, display === 'timecode' ? 'seconds' : 'timecode')
      } catch {
        // Storage refused (private mode): nothing to keep the choice in, so it stays as it is.
      }
      window.dispatchEvent(new Event(CHANGE))
    },
    format: (seconds, fps) =>
      display === 'timecode' ? formatTimecode(seconds, fps) : formatClock(seconds, true),
  }
}
