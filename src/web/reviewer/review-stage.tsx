import { useRef, useState } from 'react'
import type { Job } from '../../contract/job'
import type { ReviewerView } from '../../contract/links'
import { Button } from '../components/ui/button'
import { cn } from '../components/ui/cn'
import { ReelPlayer } from '../features/reels/reel-player'
import { ReviewerCompare } from './reviewer-compare'
import { ReviewerNotes } from './reviewer-notes'
import { formatClock } from '../lib/job-words'

/** Day, month and time spelled out: "12/9/2026" reads as two different days on two continents. */
const untilFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' })

/**
 * The shared takes: one plays at a time, and a reel plays straight through, shot after shot, with
 * its shot list beside it. Two to four takes can be compared on one clock.
 */
export function ReviewStage({ view }: { view: ReviewerView }) {
  const takes = view.takes
  const [index, setIndex] = useState(0)
  const [comparing, setComparing] = useState(false)
  const video = useRef<HTMLVideoElement>(null)
  const take: Job | undefined = takes[index]
  const isReel = view.reel !== null
  if (!take)
    return (
      <p className="m-auto p-6 text-sm text-text-muted">
        Nothing to show: the shared takes are no longer in the studio.
      </p>
    )
  if (comparing)
    return <ReviewerCompare takes={takes.slice(0, 4)} onClose={() => setComparing(false)} />
  return (
    <div className="grid min-h-0 flex-1 gap-0 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <section aria-label="Player" className="flex min-w-0 flex-col gap-3 p-3 lg:p-4">
        {/* The studio's own player: a reel plays straight through, a set of takes one at a time. */}
        <ReelPlayer
          takes={takes}
          current={index}
          onCurrent={setIndex}
          playsThrough={isReel}
          videoRef={video}
          className="shrink-0 lg:h-[70dvh]"
        />
        <ReviewerNotes take={take} view={view} video={video} />
      </section>
      <aside
        aria-label={isReel ? 'Shot list' : 'Shared takes'}
        className="border-t border-border bg-surface p-3 lg:border-t-0 lg:border-l"
      >
        <div className="mb-2 flex items-center gap-2">
          <h2 className="text-xs font-medium tracking-wide text-text-muted uppercase">
            {isReel ? 'Shot list' : 'Takes'}
          </h2>
          {takes.length >= 2 && (
            <Button
              size="sm"
              variant="ghost"
              className="ml-auto"
              onClick={() => setComparing(true)}
            >
              Compare
            </Button>
          )}
        </div>
        <ol className="grid grid-cols-1 gap-1">
          {takes.map((shot, i) => (
            <li key={shot.id}>
              <button
                type="button"
                aria-current={i === index ? 'true' : undefined}
                onClick={() => setIndex(i)}
                className={cn(
                  'flex w-full items-center gap-2 rounded-md p-1.5 text-left text-xs hover:bg-surface-raised',
                  i === index && 'bg-accent/15 text-text',
                )}
              >
                {shot.media?.thumbnail ? (
                  <img
                    src={shot.media.thumbnail}
                    alt=""
                    className="h-9 w-16 shrink-0 rounded-sm object-cover"
                  />
                ) : (
                  <span className="h-9 w-16 shrink-0 rounded-sm bg-black" />
                )}
                <span className="w-5 shrink-0 font-mono text-text-muted">{i + 1}</span>
                <span className="min-w-0 flex-1 truncate" dir="auto">
                  {shot.prompt}
                </span>
                <span className="shrink-0 font-mono text-text-muted">
                  {formatClock(shot.seconds)}
                </span>
              </button>
            </li>
          ))}
        </ol>
        <p className="mt-3 text-xs text-text-subtle">
          Link good until {untilFormat.format(new Date(view.expiresAt))}
        </p>
      </aside>
    </div>
  )
}
