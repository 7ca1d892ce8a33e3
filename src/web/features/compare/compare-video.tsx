import { useCallback, type CSSProperties } from 'react'
import { sizeDimensions } from '../../../contract/size-dimensions'
import type { Job } from '../../../contract/job'
import { cn } from '../../components/ui/cn'
import { firstLine } from '../../lib/job-words'
import type { VideoSync } from '../../lib/use-video-sync'

interface CompareVideoProps {
  job: Job
  /** The take's slot in the comparison (0–3): its place on the shared clock. */
  index: number
  sync: VideoSync
  /** Told the element too, for a view that draws from it (the difference canvas). */
  onElement?: (index: number, video: HTMLVideoElement | null) => void
  onClick?: () => void
  className?: string
  style?: CSSProperties
}

/** One compared take's picture, on the comparison's shared clock. */
export function CompareVideo({
  job,
  index,
  sync,
  onElement,
  onClick,
  className,
  style,
}: CompareVideoProps) {
  const { register } = sync
  // Stable for the slot, so React does not detach and re-attach the video on every render.
  const ref = useCallback(
    (video: HTMLVideoElement | null) => {
      onElement?.(index, video)
      const unregister = register(index)(video)
      return () => {
        unregister()
        onElement?.(index, null)
      }
    },
    [register, index, onElement],
  )
  if (!job.media) return null
  const { width, height } = sizeDimensions(job.size)
  return (
    <video
      ref={ref}
      src={job.media.video}
      width={width}
      height={height}
      preload="auto"
      playsInline
      aria-label={`${index + 1}, take ${job.take}: ${firstLine(job.prompt)}`}
      onClick={onClick}
      className={cn('absolute inset-0 size-full object-contain', className)}
      style={style}
    />
  )
}
