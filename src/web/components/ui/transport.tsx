import type { PointerEvent, ReactNode } from 'react'
import { useTimeDisplay } from '../../lib/use-time-display'
import { PLAYBACK_RATES, type VideoSync } from '../../lib/use-video-sync'
import { Button } from './button'
import { cn } from './cn'

const ICONS = {
  play: <path d="M5 3.5v9l7.5-4.5z" fill="currentColor" />,
  pause: <path d="M4.5 3.5h2.5v9H4.5zM9 3.5h2.5v9H9z" fill="currentColor" />,
  loop: (
    <path
      d="M3 7V6a2 2 0 0 1 2-2h7l-2-2m3 7v1a2 2 0 0 1-2 2H4l2 2"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
    />
  ),
  sound: (
    <path
      d="M2.5 6h2.5l3.5-3v10l-3.5-3H2.5zM11 5.5a3.5 3.5 0 0 1 0 5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
    />
  ),
  muted: (
    <path
      d="M2.5 6h2.5l3.5-3v10l-3.5-3H2.5zM10.5 6l3.5 4m0-4l-3.5 4"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
    />
  ),
}

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16">
      {ICONS[name]}
    </svg>
  )
}

/** A control used with the mouse hands the keyboard back, so Space and J/K/L reach the player. */
const letGo = (event: PointerEvent<HTMLElement>) => event.currentTarget.blur()

/**
 * The one transport bar of a player or a comparison: play/pause, time, seek, loop, speed, mute.
 * Every control has a plain name; the keyboard (docs/keyboard.md) drives the same `sync`.
 * `markers` are laid over the seek bar (the notes of a take), positioned on its track.
 */
export function Transport({
  sync,
  markers,
  className,
}: {
  sync: VideoSync
  markers?: ReactNode
  className?: string
}) {
  const time = useTimeDisplay()
  const now = time.format(sync.currentTime, sync.fps)
  const total = time.format(sync.duration, sync.fps)
  const clockClass = cn(
    'shrink-0 font-mono text-xs tabular-nums',
    time.display === 'timecode' ? 'w-[5.75rem]' : 'w-14',
  )
  return (
    <div
      role="group"
      aria-label="Transport"
      className={cn(
        'flex flex-wrap items-center gap-x-2 gap-y-1 border-t border-border bg-surface px-3 py-1.5',
        'sm:h-11 sm:flex-nowrap sm:py-0',
        className,
      )}
    >
      <Button
        size="icon"
        variant="ghost"
        onClick={sync.toggle}
        onPointerUp={letGo}
        aria-label={sync.playing ? 'Pause' : 'Play'}
      >
        <Icon name={sync.playing ? 'pause' : 'play'} />
      </Button>
      <button
        type="button"
        onClick={time.toggle}
        onPointerUp={letGo}
        title={time.display === 'timecode' ? 'Show seconds' : 'Show timecode'}
        aria-label={`${now}; show ${time.display === 'timecode' ? 'seconds' : 'timecode'}`}
        className={cn(clockClass, 'rounded text-right text-text hover:text-accent')}
      >
        {now}
      </button>
      <div className="relative order-first flex min-w-0 basis-full items-center sm:order-none sm:flex-1 sm:basis-auto">
        <input
          type="range"
          aria-label="Seek"
          aria-valuetext={`${now} of ${total}`}
          min={0}
          max={sync.duration || 0}
          step={0.01}
          value={Math.min(sync.currentTime, sync.duration || 0)}
          disabled={!sync.duration}
          onChange={(event) => sync.seek(Number(event.currentTarget.value))}
          onPointerUp={letGo}
          className="h-4 w-full min-w-0 cursor-pointer accent-accent sm:h-1"
        />
        {markers}
      </div>
      <span className={cn(clockClass, 'text-text-muted')}>{total}</span>
      {sync.reverse && (
        <span className="font-mono text-xs text-accent" aria-live="polite">
          ◀ {sync.rate}×
        </span>
      )}
      <Button
        size="icon"
        variant={sync.loop ? 'on' : 'ghost'}
        aria-label="Loop"
        aria-pressed={sync.loop}
        onClick={() => sync.setLoop(!sync.loop)}
        onPointerUp={letGo}
      >
        <Icon name="loop" />
      </Button>
      <select
        aria-label="Playback speed"
        value={sync.rate}
        onChange={(event) => {
          sync.setRate(Number(event.currentTarget.value))
          event.currentTarget.blur()
        }}
        className="h-7 rounded-md border border-border-strong bg-surface-raised px-1.5 font-mono text-xs text-text"
      >
        {PLAYBACK_RATES.map((rate) => (
          <option key={rate} value={rate}>
            {rate}×
          </option>
        ))}
      </select>
      <Button
        size="icon"
        variant={sync.muted ? 'on' : 'ghost'}
        aria-label="Mute"
        aria-pressed={sync.muted}
        onClick={() => sync.setMuted(!sync.muted)}
        onPointerUp={letGo}
      >
        <Icon name={sync.muted ? 'muted' : 'sound'} />
      </Button>
    </div>
  )
}
