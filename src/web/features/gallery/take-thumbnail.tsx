import { useContext, useState, type PointerEvent } from 'react'
import { sizeDimensions } from '../../../contract/size-dimensions'
import type { Job } from '../../../contract/job'
import { cn } from '../../components/ui/cn'
import { FirstScreenContext } from './first-screen'
import { drawnWidth, TileWidthContext } from './tile-width'

/** The spritesheet's layout: GRID × GRID frames, evenly spread over the take, row by row. */
const GRID = 5

/**
 * The picture's sources: the still and the full thumbnail with their widths, for the browser to
 * pick by the width the picture is drawn at (`width`, CSS px) and the screen's density (a retina
 * desktop's wide tile takes the thumbnail). Where that width is not known (0), the tile-sized
 * still alone. A take archived before stills has the thumbnail only.
 */
export function stillSources(
  media: Job['media'],
  width: number,
): { src: string; srcSet?: string; sizes?: string } | null {
  if (!media?.thumbnail) return null
  const { still, thumbnail } = media
  if (!still) return { src: thumbnail }
  if (width <= 0) return { src: still.url }
  return {
    src: still.url,
    srcSet: `${still.url} ${still.width}w, ${thumbnail} ${still.thumbnailWidth}w`,
    sizes: `${Math.ceil(width)}px`,
  }
}

/**
 * The take's still, letterboxed on black at its own shape; moving the pointer across it scrubs
 * through the spritesheet, which loads only then.
 */
export function TakeThumbnail({ job, className }: { job: Job; className?: string }) {
  const [scrub, setScrub] = useState<number | null>(null)
  const shape = sizeDimensions(job.size)
  const { width, height } = shape
  const sheet = job.media?.spritesheet
  const place = useContext(FirstScreenContext)
  // Known from the grid's arithmetic as the tile mounts, so the browser picks its source once: no
  // measuring after layout, no second render, no still fetched and then dropped for the thumbnail.
  const areaWidth = useContext(TileWidthContext)
  const sources = stillSources(job.media, areaWidth > 0 ? drawnWidth(areaWidth, shape) : 0)

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
