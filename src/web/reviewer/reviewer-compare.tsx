import type { Job } from '../../contract/job'
import { Button } from '../components/ui/button'
import { cn } from '../components/ui/cn'
import { Transport } from '../components/ui/transport'
import { useVideoSync } from '../lib/use-video-sync'
import { CompareVideo } from '../features/compare/compare-video'

const GRID: Record<number, string> = { 2: 'lg:grid-cols-2', 3: 'lg:grid-cols-3', 4: 'lg:grid-cols-2' }

/**
 * The shared takes (up to four) side by side on one clock, with the studio's own synced players;
 * read-only: the studio's compare captions carry verdict keys that act on the owner's API.
 */
export function ReviewerCompare({ takes, onClose }: { takes: Job[]; onClose: () => void }) {
  const sync = useVideoSync()
  return (
    <section aria-label="Compare" className="flex min-h-0 flex-1 flex-col">
      <div className="flex h-10 items-center gap-2 border-b border-border px-3">
        <h2 className="text-sm font-medium">Compare {takes.length} takes</h2>
        <Button size="sm" variant="ghost" className="ml-auto" onClick={onClose}>
          Back to the takes
        </Button>
      </div>
      <div className={cn('grid min-h-[50dvh] flex-1 grid-cols-1 gap-2 p-2', GRID[takes.length])}>
        {takes.map((take, index) => (
          <figure key={take.id} className="flex min-h-0 min-w-0 flex-col gap-1">
            <CompareVideo job={take} index={index} sync={sync} onClick={sync.toggle} className="min-h-0 flex-1" />
            <figcaption className="truncate text-xs text-text-muted" dir="auto">
              <span className="mr-1.5 font-mono">{index + 1}</span>
              {take.prompt}
            </figcaption>
          </figure>
        ))}
      </div>
      <Transport sync={sync} />
    </section>
  )
}
