import { useEffect, useRef, type RefObject } from 'react'
import { sizeDimensions } from '../../../contract/size-dimensions'
import type { Job } from '../../../contract/job'
import { cn } from '../../components/ui/cn'
import { firstLine } from '../../lib/job-words'

interface ReelPlayerProps {
  takes: Job[]
  current: number
  onCurrent: (index: number) => void
  /** Plays on from one take to the next (a reel); false plays one take at a time. */
  playsThrough?: boolean
  /** The video element, for whoever pins notes at its playhead (the reviewer's page). */
  videoRef?: RefObject<HTMLVideoElement | null>
  className?: string
}

/**
 * Plays takes one after another: when a shot ends the next one starts, so a reel plays straight
 * through; a jump from the shot list keeps playing if it was playing. The studio's reel view and
 * the reviewer's page share it; it has no controls of the studio's own.
 */
export function ReelPlayer({
  takes,
  current,
  onCurrent,
  playsThrough = true,
  videoRef,
  className,
}: ReelPlayerProps) {
  const ownVideo = useRef<HTMLVideoElement>(null)
  const video = videoRef ?? ownVideo
  const keepPlaying = useRef(false)
  const take = takes[current]

  useEffect(() => {
    const element = video.current
    if (element && keepPlaying.current) void element.play().catch(() => undefined)
  }, [take?.id, video])

  if (!take) {
    return (
      <div className="flex min-h-64 items-center justify-center bg-black p-6 text-sm text-text-muted">
        There are no takes to play.
      </div>
    )
  }
  const { width, height } = sizeDimensions(take.size)
  const position = `${playsThrough ? 'Shot' : 'Take'} ${current + 1} of ${takes.length}`
  return (
    <figure className={cn('flex min-h-0 flex-col bg-black', className)}>
      <div className="relative flex aspect-video min-h-0 items-center justify-center lg:aspect-auto lg:flex-1">
        {take.media ? (
          <video
            ref={video}
            src={take.media.video}
            poster={take.media.thumbnail ?? undefined}
            width={width}
            height={height}
            controls
            playsInline
            preload="auto"
            aria-label={`Player: ${position.toLowerCase()}, take ${take.take}`}
            data-shot={current + 1}
            onPlay={() => (keepPlaying.current = true)}
            onPause={(event) => {
              // A shot that reaches its end pauses too: only a pause before the end stops the reel.
              if (!event.currentTarget.ended) keepPlaying.current = false
            }}
            onEnded={() => {
              if (playsThrough && current < takes.length - 1) onCurrent(current + 1)
              else keepPlaying.current = false
            }}
            className="absolute inset-0 size-full object-contain"
          />
        ) : (
          <p className="p-4 text-sm text-text-muted">Take {take.take} is not finished yet.</p>
        )}
      </div>
      <figcaption className="flex shrink-0 items-baseline gap-2 border-t border-border bg-surface px-4 py-2 text-xs">
        <span className="shrink-0 font-mono whitespace-nowrap text-text">{position}</span>
        <span className="shrink-0 font-mono whitespace-nowrap text-text-subtle">
          Take {take.take}
        </span>
        <span dir="auto" className="truncate text-text-muted">
          {firstLine(take.prompt)}
        </span>
      </figcaption>
    </figure>
  )
}
