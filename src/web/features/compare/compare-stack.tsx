import { useCallback, useState, type CSSProperties } from 'react'
import { sizeDimensions } from '../../../contract/size-dimensions'
import type { Job } from '../../../contract/job'
import type { VideoSync } from '../../lib/use-video-sync'
import { CompareVideo } from './compare-video'
import { DifferenceCanvas } from './difference-canvas'
import { TakeCaption, type CaptionReview } from './take-caption'
import { TakeMarks } from './take-marks'
import type { CompareModeState } from './use-compare-mode'
import { WipeDivider } from './wipe-divider'

interface CompareStackProps {
  /** Exactly two takes: 1 underneath, 2 over it. */
  jobs: [Job, Job]
  sync: VideoSync
  view: CompareModeState
  reviewOf: (job: Job, index: number) => CaptionReview
}

/** Where a take's marks show: only where its picture does (none over the difference). */
function marksStyle(slot: 0 | 1, view: CompareModeState): CSSProperties | null {
  if (view.mode === 'difference' || (view.mode === 'flip' && view.shown !== slot)) return null
  if (view.mode === 'wipe') {
    return {
      clipPath: slot === 0 ? `inset(0 ${100 - view.wipe}% 0 0)` : `inset(0 0 0 ${view.wipe}%)`,
    }
  }
  return layerStyle(slot, view)
}

/**
 * How each take lies in the frame: take 2 over take 1, cut by the wipe or see-through in overlay.
 * Flip puts the shown one on top rather than hiding the other, so both keep presenting frames.
 */
function layerStyle(slot: 0 | 1, { mode, wipe, shown, opacity }: CompareModeState): CSSProperties {
  if (mode === 'flip') return { zIndex: shown === slot ? 1 : 0 }
  if (slot === 0) return {}
  if (mode === 'wipe') return { clipPath: `inset(0 0 0 ${wipe}%)` }
  if (mode === 'overlay') return { opacity: opacity / 100 }
  return {}
}

function Badge({ children, className }: { children: string; className: string }) {
  return (
    <span
      className={`pointer-events-none absolute top-2 z-20 rounded bg-black/70 px-1.5 py-0.5 font-mono text-[11px] text-white ${className}`}
    >
      {children}
    </span>
  )
}

/**
 * Two takes in one frame — wipe, flip, difference or overlay — framed at take 1's shape, so a
 * wipe's percent is a percent of the picture, not of the black around it.
 */
export function CompareStack({ jobs, sync, view, reviewOf }: CompareStackProps) {
  const [first, second] = jobs
  const { width, height } = sizeDimensions(first.size)
  const [videos, setVideos] = useState<(HTMLVideoElement | null)[]>([null, null])
  const onElement = useCallback(
    (index: number, video: HTMLVideoElement | null) =>
      setVideos((current) => current.map((old, slot) => (slot === index ? video : old))),
    [],
  )
  const { mode } = view
  const toggle = mode === 'wipe' ? undefined : sync.toggle
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2 p-2">
      <div className="relative flex min-h-0 flex-1 items-center justify-center bg-black [container-type:size]">
        <div
          className="relative max-h-full max-w-full"
          style={{
            width: `min(100cqw, 100cqh * ${width / height})`,
            aspectRatio: `${width} / ${height}`,
          }}
        >
          <CompareVideo
            job={first}
            index={0}
            sync={sync}
            onElement={onElement}
            onClick={toggle}
            className="bg-black"
            style={layerStyle(0, view)}
          />
          <CompareVideo
            job={second}
            index={1}
            sync={sync}
            onElement={onElement}
            onClick={toggle}
            className="bg-black"
            style={layerStyle(1, view)}
          />
          {jobs.map((job, slot) => {
            const style = marksStyle(slot === 0 ? 0 : 1, view)
            return style && <TakeMarks key={job.id} job={job} sync={sync} style={style} />
          })}
          {mode === 'difference' && (
            <DifferenceCanvas a={videos[0] ?? null} b={videos[1] ?? null} />
          )}
          {mode === 'wipe' && <WipeDivider value={view.wipe} onChange={view.setWipe} />}
          {mode === 'wipe' && <Badge className="left-2">1</Badge>}
          {mode === 'wipe' && <Badge className="right-2">2</Badge>}
          {mode === 'flip' && (
            <Badge className="left-2">{`${view.shown + 1} · take ${jobs[view.shown].take}`}</Badge>
          )}
          {mode === 'difference' && <Badge className="left-2">|1 − 2|</Badge>}
          {mode === 'overlay' && <Badge className="left-2">{`2 over 1 · ${view.opacity}%`}</Badge>}
        </div>
      </div>
      <div className="grid shrink-0 grid-cols-1 gap-2 sm:grid-cols-2">
        {jobs.map((job, index) => (
          <figure key={job.id} className="overflow-hidden rounded-md border border-border">
            <TakeCaption
              job={job}
              index={index}
              basePrompt={index === 0 ? null : first.prompt}
              review={reviewOf(job, index)}
            />
          </figure>
        ))}
      </div>
    </div>
  )
}
