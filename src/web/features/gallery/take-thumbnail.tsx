import { useContext, useRef, useState, type PointerEvent } from 'react'
import { sizeDimensions } from '../../../contract/size-dimensions'
import type { Job } from '../../../contract/job'
import { cn } from '../../components/ui/cn'
import { FirstScreenContext } from './first-screen'
import { useDrawnWidth } from './use-drawn-width'

/** The spritesheet's layout: GRID × GRID frames, evenly spread over the take, row by row. */
const GRID = 5

/**
 * The picture's sources. Until the width it is drawn at (`drawnWidth`, CSS px) is known, the
 * tile-sized still alone, so the first screen's pictures are asked for as the tiles mount; then
 * the still and the full thumbnail with their widths, for the browser to pick by that width and
 * the screen's density (a retina desktop's wide tile takes the thumbnail). A take archived before
 * stills has the thumbnail only.
 */
export function stillSources(
  media: Job['media'],
  drawnWidth: number,
): { src: string; srcSet?: string; sizes?: string } | null {
  if (!media?.thumbnail) return null
  const { still, thumbnail } = media
  if (!still) return { src: thumbnail }
  if (drawnWidth <= 0) return { src: still.url }
  return {
    src: still.url,
    srcSet: `${still.url} ${still.width}w, ${thumbnail} ${still.thumbnailWidth}w`,
    sizes: `${Math.ceil(drawnWidth)}px`,
  }
}

/**
 * The take's still, letterboxed on black at its own shape; moving the pointer across it scrubs
 * through the spritesheet, which loads only then.
 */
export function TakeThumbnail({ job, className }: { job: Job; className?: string }) {
  const [scrub, setScrub] = useState<number | null>(null)
  const { width, height } = sizeDimensions(job.size)
  const sheet = job.media?.spritesheet
  const place = useContext(FirstScreenContext)
  // The picture is drawn at this box's width (a 9:16 take: the 16:9 tile's height × 9/16), which
  // is what `sizes` must say.
  const pictureBox = useRef<HTMLDivElement>(null)
  const drawnWidth = useDrawnWidth(pictureBox, Boolean(job.media?.still))
  const sources = stillSources(job.media, drawnWidth)

  const onMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!sheet || event.pointerType === 'touch') return
    const box = event.currentTarget.getBoundingClientRect()
    setScrub(Math.min(0.999, Math.max(0, (event.clientX - box.left) / box.width)))
  }
  const frame = scrub === null ? 0 : Math.floor(scrub * GRID * GRID)
  const step = 100 / (GRID - 1)

  return (
    <div
      className={cn(
        'relative flex aspect-video items-center justify-center overflow-hidden bg-black',
        className,
      )}
      onPointerMove={onMove}
      onPointerLeave={() => setScrub(null)}
    >
      <div
        ref={pictureBox}
        className={cn('relative max-h-full max-w-full', width >= height ? 'w-full' : 'h-full')}
        style={{ aspectRatio: `${width} / ${height}` }}
      >
        {sources && (
          <img
            {...sources}
            alt=""
            loading={place === 'below' ? 'lazy' : 'eager'}
            fetchPriority={place === 'first-row' ? 'high' : 'auto'}
            decoding="async"
            draggable={false}
            className="size-full object-cover"
          />
        )}
        {sheet && scrub !== null && (
          <div
            aria-hidden="true"
            className="absolute inset-0 bg-no-repeat"
            style={{
              backgroundImage: `url("${sheet}")`,
              backgroundSize: `${GRID * 100}% ${GRID * 100}%`,
              backgroundPosition: `${(frame % GRID) * step}% ${Math.floor(frame / GRID) * step}%`,
            }}
          />
        )}
      </div>
      {scrub !== null && (
        <div aria-hidden="true" className="absolute inset-x-0 bottom-0 h-0.5 bg-white/15">
          <div className="h-full bg-accent" style={{ width: `${scrub * 100}%` }} />
        </div>
      )}
    </div>
  )
}
